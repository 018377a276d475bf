// The ES module face of build-inputs.cjs (see there).
export { NEXT_INPUTS, ENGINE_INPUTS, walkFiles, hashTree } from "./build-inputs.cjs";
