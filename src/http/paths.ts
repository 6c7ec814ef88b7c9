/** Where the agent serves the subject-only permit JSON Schema, for permits issued before the whole-credential schema (src/vocab/contexts.ts has the current ones). */
export const SCHEMA_PATH = '/schemas/cites-permit/v1.json';
