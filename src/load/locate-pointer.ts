import YAML, { isMap, isPair, isScalar, isSeq, LineCounter, type Node } from "yaml";
import { fromPointer } from "../model/pointer.js";
import { columnAt } from "../model/text-column.js";
import { YAML_OPTIONS } from "./parse-record.js";

/** A parsed text that can answer "where is this pointer?" many times. */
export interface PointerLocator {
  locate(pointer: string, atKey?: boolean): { line: number; column: number };
}

/**
 * Index a YAML text for locating JSON pointers. A pointer that runs past what exists
 * lands on the deepest node that does exist (e.g. the mapping a required key is missing from).
 */
export function indexPointers(text: string): PointerLocator {
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  const position = (offset: number) => {
    const { line } = lines.linePos(offset);
    return { line, column: columnAt(text, lines.lineStarts[line - 1] ?? 0, offset) };
  };
  return {
    locate(pointer, atKey = false) {
      let node: Node | null = doc.contents as Node | null;
      let offset = node?.range?.[0] ?? 0;
      const segments = fromPointer(pointer);
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i]!;
        const last = i === segments.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
          if (!pair) break;
          const key = pair.key as Node;
          const value = pair.value as Node | null;
          if ((last && atKey) || !value?.range) {
            offset = key.range?.[0] ?? offset;
            node = value;
            if (last && atKey) break;
            continue;
          }
          node = value;
          offset = value.range[0];
        } else if (isSeq(node)) {
          const item = node.items[Number(segment)] as Node | undefined;
          if (!item?.range) break;
          node = item;
          offset = item.range[0];
        } else {
          break;
        }
      }
      return position(offset);
    },
  };
}
