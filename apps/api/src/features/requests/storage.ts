import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DOCUMENT_HEAD_BYTES } from "@lk/domain";

/** A file written as it arrived: our key for it, how big it is, and its first bytes (for its type). */
export interface StoredFile {
  key: string;
  byteLength: number;
  head: Uint8Array;
}

/** Where request documents live. A bucket (S3 and the like) would implement the same calls. */
export interface DocumentStorage {
  /**
   * Writes a stream under a new key of our own making, as it arrives: memory holds a chunk at a
   * time, never the file. The caller deletes it again if the file is refused.
   */
  putStream(source: Readable): Promise<StoredFile>;
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

  async putStream(source: Readable): Promise<StoredFile> {
    const key = randomUUID();
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const head: Buffer[] = [];
    let byteLength = 0;
    const tally = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (byteLength < DOCUMENT_HEAD_BYTES) head.push(chunk.subarray(0, DOCUMENT_HEAD_BYTES - byteLength));
        byteLength += chunk.byteLength;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tally, createWriteStream(file, { flags: "wx", mode: 0o600 }));
    } catch (error) {
      await fs.rm(file, { force: true });
      throw error;
    }
    return { key, byteLength, head: Buffer.concat(head) };
  }

  async get(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}
