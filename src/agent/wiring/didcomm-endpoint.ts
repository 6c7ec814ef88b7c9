/**
 * Where a peer receives exchange messages: the `serviceEndpoint` of the one `DIDCommMessaging`
 * service of its DID document (DIDComm Messaging v2, "DID Document Service Endpoint"; a string, an object with `uri`, or
 * a list of either), or, for a did:key peer, whose document cannot name a service, the
 * `endpoint` agent.yml gives it (saiga.trust.peers[].endpoint).
 */
import type { DIDDocument, Service } from 'did-resolver';

export const DIDCOMM_SERVICE_TYPE = 'DIDCommMessaging';

/** The first http(s) URI of the document's DIDCommMessaging service, or undefined. */
export function didcommServiceUri(document: DIDDocument): string | undefined {
  for (const service of document.service ?? []) {
    if (!isDidcommService(service)) continue;
    const uri = firstUri(service.serviceEndpoint as unknown);
    if (uri !== undefined) return uri;
  }
  return undefined;
}

function isDidcommService(service: Service): boolean {
  const type = service.type as string | string[];
  return Array.isArray(type) ? type.includes(DIDCOMM_SERVICE_TYPE) : type === DIDCOMM_SERVICE_TYPE;
}

function firstUri(endpoint: unknown): string | undefined {
  if (Array.isArray(endpoint)) {
    for (const entry of endpoint) {
      const uri = firstUri(entry);
      if (uri !== undefined) return uri;
    }
    return undefined;
  }
  const uri = typeof endpoint === 'string' ? endpoint : (endpoint as { uri?: unknown } | null)?.uri;
  return typeof uri === 'string' && /^https?:\/\//.test(uri) ? uri : undefined;
}

/**
 * The endpoint of `did`: its document's service first (a did:web peer's own word), then the one
 * configured for it. Undefined when neither names one.
 */
export function peerEndpoint(did: string, document: DIDDocument, configured: readonly { did: string; endpoint?: string }[]): string | undefined {
  return didcommServiceUri(document) ?? configured.find((peer) => peer.did === did && peer.endpoint !== undefined)?.endpoint;
}
