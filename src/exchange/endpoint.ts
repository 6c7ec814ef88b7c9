/**
 * Where an agent receives exchange messages: one route, named in its did:web document as its
 * one `DIDCommMessaging` service (DIDComm Messaging v2 §9.12). A did:key cannot publish a
 * service, so a did:key authority's peers name its endpoint in their agent.yml.
 */
export const DIDCOMM_PATH = '/didcomm';

export function didcommEndpoint(agentUrl: string): string {
  return `${agentUrl.replace(/\/+$/, '')}${DIDCOMM_PATH}`;
}
