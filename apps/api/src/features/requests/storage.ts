import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** Where request documents live. A bucket (S3 and the like) would implement the same three calls. */
export interface DocumentStorage {
  /** Stores the bytes under a new key of our own making and returns it. */
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}$/;

/**
 * A local folder outside the web root. Keys are random UUIDs, never the customer's file name,
 * so nothing the client sends can choose or escape the path.
 */
export class LocalFolderStorage implements DocumentStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid storage key ${key}`);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = randomUUID();
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await fs.writeFile(file, bytes, { flag: "wx", mode: 0o600 });
    return key;
  }

  async get(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}
