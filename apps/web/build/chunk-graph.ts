import type { Rolldown } from "vite";

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/**
 * The JavaScript chunks of a build, and what a first screen made of some of them loads: read by
 * the bundle budget and the route preloads (docs/page-load.md).
 */
export class ChunkGraph {
  readonly chunks: OutputChunk[];
  private readonly byFile: Map<string, OutputChunk>;

  constructor(bundle: OutputBundle) {
    this.chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === "chunk");
    this.byFile = new Map(this.chunks.map((chunk) => [chunk.fileName, chunk]));
  }

  get entries(): OutputChunk[] {
    return this.chunks.filter((chunk) => chunk.isEntry);
  }

  /**
   * The chunks that hold these source files (route modules): their own chunk, or the group chunk
   * they were put in (vite.config.ts); a missing one is an error.
   */
  routeChunks(sources: string[]): OutputChunk[] {
    return sources.map((source) => {
      const chunk =
        this.chunks.find((c) => c.facadeModuleId?.endsWith(source)) ??
        this.chunks.find((c) => c.moduleIds.some((id) => id.endsWith(source)));
      if (!chunk) throw new Error(`no chunk for ${source}`);
      return chunk;
    });
  }

  /** The chunks and every chunk they import statically: what the browser fetches before they run. */
  closure(start: OutputChunk[]): Set<string> {
    const seen = new Set<string>();
    const visit = (chunk: OutputChunk) => {
      if (seen.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      for (const file of chunk.imports) {
        const next = this.byFile.get(file);
        if (next) visit(next);
      }
    };
    for (const chunk of start) visit(chunk);
    return seen;
  }
}
