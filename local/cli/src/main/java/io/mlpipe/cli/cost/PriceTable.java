package io.mlpipe.cli.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.CliException;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dated table of published prices for one region (the resource prices-us-east-1.json, or a file of the same
 * shape with your region's or your contract's prices).
 */
public final class PriceTable {
    public static final String RESOURCE = "prices-us-east-1.json";

    private final String region;
    private final String read;
    private final String note;
    private final Map<String, Price> prices;

    private PriceTable(String region, String read, String note, Map<String, Price> prices) {
        this.region = region;
        this.read = read;
        this.note = note;
        this.prices = prices;
    }

    /** The table shipped with mlpipe: us-east-1. */
    public static PriceTable usEast1() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            return parse(Json.MAPPER.readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("the price table resource " + RESOURCE + " cannot be read", e);
        }
    }

    public static PriceTable read(Path file) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CliException("cannot read the price table " + file + ": " + e.getMessage()
                    + " (same shape as local/cli/src/main/resources/io/mlpipe/cli/cost/" + RESOURCE + ")");
        }
        return parse(json, file.toString());
    }

    static PriceTable parse(JsonNode json, String name) {
        Map<String, Price> prices = new LinkedHashMap<>();
        for (JsonNode p : json.path("prices")) {
            if (!p.hasNonNull("id") || !p.path("usd").isNumber() || !p.path("per").isNumber()) {
                throw new CliException("the price table " + name + " has an entry without id, usd or per: " + p);
            }
            prices.put(p.get("id").asText(), new Price(p.get("id").asText(), p.path("item").asText(p.get("id").asText()),
                    p.get("usd").asDouble(), p.get("per").asDouble(), p.path("unit").asText(), p.path("source").asText()));
        }
        return new PriceTable(json.path("region").asText("?"), json.path("read").asText("?"), json.path("note").asText(""), prices);
    }

    public Price price(String id) {
        Price price = prices.get(id);
        if (price == null) {
            throw new CliException("no price " + id + " in the " + region + " price table (read " + read
                    + "): add it to a copy of " + RESOURCE + " and pass it with --prices FILE");
        }
        return price;
    }

    public String region() {
        return region;
    }

    public String read() {
        return read;
    }

    public String note() {
        return note;
    }
}
