/** The read stage's public API: file discovery and bytes → DecodedText. */
export { decodeBuffer, decodeFile, SkipFile } from './decode.js';
export { DOCX_LINE_BREAK } from './docx.js';
export { formatOf, SUPPORTED_EXTENSIONS } from './formats.js';
export { findInputs, readStdin, IGNORE_FILE, type FindInputsOptions, type FoundInputs, type InputFileSystem } from './inputs.js';
