package org.ncbgateway.notice;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.EnumMap;
import java.util.Map;
import org.ncbgateway.message.MessageKind;

/**
 * The federation's schemas, loaded once from the classpath copies of the top-level {@code schemas/}.
 * Their {@code $id}s are mapped to those files and remote retrieval is off: no schema can make the
 * gateway reach the network.
 */
public final class SchemaCatalog {

    public static final String BASE_ID = "https://schemas.ncb-gateway.org/v1/";
    private static final String CLASSPATH = "classpath:schemas/";

    private final Map<MessageKind, Schema> byKind = new EnumMap<>(MessageKind.class);
    private final Schema anyPayload;

    /** The bundled schemas, loaded once per process: they are immutable and thread-safe. */
    public static SchemaCatalog bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final SchemaCatalog INSTANCE = new SchemaCatalog();
    }

    public SchemaCatalog() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaLoader(loader -> loader
                                .schemaIdResolvers(ids -> ids.mapPrefix(BASE_ID, CLASSPATH))
                                .fetchRemoteResources(false)));
        for (MessageKind kind : MessageKind.values()) {
            byKind.put(kind, load(registry, kind.wireName()));
        }
        anyPayload = load(registry, "payload");
    }

    private static Schema load(SchemaRegistry registry, String name) {
        Schema schema = registry.getSchema(SchemaLocation.of(BASE_ID + name + ".json"));
        schema.initializeValidators();
        return schema;
    }

    public Schema forKind(MessageKind kind) {
        return byKind.get(kind);
    }

    /** Dispatches on {@code kind}; used when the kind is missing or unknown, to say why. */
    public Schema anyPayload() {
        return anyPayload;
    }
}
