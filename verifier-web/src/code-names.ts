/** The page uses the shared code meanings of src/permit/tables (also used by the printed permit). */
export { codeName, countryName, translatedCodes, type CodeTable } from '../../src/permit/tables/code-names.js';
