/**
 * The parts of the independent implementations (no bundled types) that the conformance
 * tests call, typed as their sources in node_modules define them.
 */
declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export interface ExpandOptions {
    documentLoader: (url: string) => Promise<RemoteDocument>;
    /** Fail on anything that would be dropped or be ambiguous (jsonld.js "safe mode"). */
    safe?: boolean;
  }
  const jsonld: { expand(input: unknown, options: ExpandOptions): Promise<Record<string, unknown>[]> };
  export default jsonld;
}

declare module 'credentials-context' {
  const credentialsContext: { CONTEXT_URL: string; CONTEXT: Record<string, unknown> };
  export default credentialsContext;
}

declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const CONTEXT_URL: string;
  export const CONTEXT: Record<string, unknown>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export interface StatusResult {
    verified: boolean;
    error?: Error;
    results?: { verified: boolean; credentialStatus: { statusPurpose: string; statusListIndex: string }; status: boolean }[];
  }
  export function checkStatus(options: {
    credential: unknown;
    documentLoader: (url: string) => Promise<{ document: unknown }>;
    suite?: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<StatusResult>;
  export function statusTypeMatches(options: { credential: unknown }): boolean;
  export function getCredentialStatus(options: { credential: unknown; statusPurpose: string }): Record<string, unknown>;
  export function assertBitstringStatusListContext(options: { credential: unknown }): void;
}
