/**
 * The Veramo part of every agent.yml that `saiga init` writes (and of the demo agent.yml
 * in the repository). It is data in Veramo's YAML dialect, loaded by `yaml-loader.ts`.
 * The database secret comes from `$env: SAIGA_SECRET_KEY`, which Saiga fills from the
 * environment or from the 0600 secret file beside the database — never from this file.
 */
export const VERAMO_AGENT_YAML = `# ---- Veramo agent (Veramo's YAML dialect: $require, $args, $ref, $env; Saiga adds $path) ----
constants:
  databaseFile: { $path: ./data/agent.sqlite }
  # Never put the key here: Saiga reads SAIGA_SECRET_KEY from the environment,
  # or from data/secret.key (mode 0600) beside the database.
  dbEncryptionKey: { $env: SAIGA_SECRET_KEY }

dbConnection:
  $require: typeorm#DataSource
  $args:
    - type: sqlite
      database: { $ref: /constants/databaseFile }
      synchronize: false
      migrationsRun: true
      migrations: { $require: "@veramo/data-store?t=object#migrations" }
      entities: { $require: "@veramo/data-store?t=object#Entities" }
      logging: false

keyManager:
  $require: "@veramo/key-manager#KeyManager"
  $args:
    # Veramo's stores, their reads (public keys and identifiers only) kept in memory for seconds.
    - store: { $require: "#saiga/agent/wiring/didcomm-store-cache.js#CachedKeyStore", $args: [{ $ref: /dbConnection }] }
      kms:
        # Veramo's kms-local with a faster X25519 agreement for DIDComm (same encrypted key store).
        local:
          $require: "#saiga/agent/wiring/saiga-kms.js#SaigaKeyManagementSystem"
          $args:
            - $require: "@veramo/data-store#PrivateKeyStore"
              $args:
                - { $ref: /dbConnection }
                - { $require: "@veramo/kms-local#SecretBox", $args: [{ $ref: /constants/dbEncryptionKey }] }

didManager:
  $require: "@veramo/did-manager#DIDManager"
  $args:
    - store: { $require: "#saiga/agent/wiring/didcomm-store-cache.js#CachedDIDStore", $args: [{ $ref: /dbConnection }] }
      defaultProvider: did:web
      providers:
        did:web: { $require: "@veramo/did-provider-web#WebDIDProvider", $args: [{ defaultKms: local }] }
        did:key: { $require: "@veramo/did-provider-key#KeyDIDProvider", $args: [{ defaultKms: local }] }

# Veramo's DIDResolverPlugin with a time-limited cache, answering the agent's own DIDs itself.
didResolver:
  $require: "#saiga/agent/wiring/didcomm-resolver.js#SaigaDIDResolverPlugin"
  $args:
    - key: { $require: "@veramo/did-provider-key?t=function&p=/key#getDidKeyResolver" }
      # Saiga's did:web resolver: https, or http for loopback hosts only.
      web: { $require: "#saiga/agent/identity/did-resolvers.js?t=function&p=/web#getWebResolver" }

credentialPlugin:
  $require: "@veramo/credential-w3c#CredentialPlugin"
  $args:
    - - { $require: "@veramo/credential-jwt#CredentialProviderJWT" }

agent:
  $require: "@veramo/core#Agent"
  $args:
    - schemaValidation: false
      plugins:
        - { $ref: /keyManager }
        - { $ref: /didManager }
        - { $ref: /didResolver }
        - { $ref: /credentialPlugin }
        # DIDComm v2 packing only: Saiga's delivery worker POSTs the messages itself.
        - { $require: "@veramo/did-comm#DIDComm", $args: [{ transports: [] }] }
`;
