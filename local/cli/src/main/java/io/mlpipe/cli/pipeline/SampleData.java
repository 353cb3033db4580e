package io.mlpipe.cli.pipeline;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A generated, seeded customer-churn data set with a real signal: churn is more likely on month-to-month
 * contracts, fibre internet, high monthly charges and many support calls, less likely with tenure. Numeric
 * and categorical features, about 1% missing monthly charges, the label ("yes"/"no") in {@code target}.
 */
public final class SampleData {
    public static final String HEADER = "tenure_months,monthly_charges,contract,internet,support_calls,paperless_billing,target";
    private static final String[] CONTRACTS = {"month-to-month", "one-year", "two-year"};
    private static final String[] INTERNET = {"fiber", "dsl", "none"};

    private SampleData() {
    }

    /** {@code rows} customers; the same seed gives the same bytes. */
    public static byte[] churn(int rows, long seed) {
        return csv(customers(rows, seed));
    }

    /**
     * The same bytes as {@link #churn(int, long)}, written row by row: for data sets too big to hold in memory
     * (a million rows is about 35 MB of CSV).
     */
    public static void writeChurn(OutputStream out, long rows, long seed) throws IOException {
        Random random = new Random(seed);
        write(out, Stream.generate(() -> customer(random)).limit(rows).iterator());
    }

    /** The same kind of customers with the labels shuffled among them: no signal left, a worse model. */
    public static byte[] shuffledLabels(int rows, long seed) {
        List<String[]> customers = customers(rows, seed);
        List<String> labels = new ArrayList<>();
        customers.forEach(c -> labels.add(c[6]));
        Collections.shuffle(labels, new Random(seed + 1));
        for (int i = 0; i < customers.size(); i++) {
            customers.get(i)[6] = labels.get(i);
        }
        return csv(customers);
    }

    private static List<String[]> customers(int rows, long seed) {
        Random random = new Random(seed);
        List<String[]> customers = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            customers.add(customer(random));
        }
        return customers;
    }

    /** The next customer: the cells of one CSV row, in {@link #HEADER}'s order. */
    private static String[] customer(Random random) {
        int tenure = 1 + random.nextInt(72);
        String contract = CONTRACTS[pick(random, 0.55, 0.25)];
        String internet = INTERNET[pick(random, 0.45, 0.35)];
        double charges = 20 + (internet.equals("fiber") ? 45 : internet.equals("dsl") ? 25 : 0) + random.nextDouble() * 40;
        int calls = (int) Math.min(9, Math.round(Math.abs(random.nextGaussian()) * 2));
        boolean paperless = random.nextDouble() < 0.6;
        double logit = -1.2 + (contract.equals("month-to-month") ? 1.8 : contract.equals("one-year") ? 0.3 : -0.8)
                - 0.045 * tenure + 0.03 * (charges - 65) + 0.45 * calls + (internet.equals("fiber") ? 0.5 : 0)
                + (paperless ? 0.3 : 0);
        boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        String chargesCell = random.nextDouble() < 0.01 ? "" : String.format(Locale.ROOT, "%.2f", charges);
        return new String[] {String.valueOf(tenure), chargesCell, contract, internet, String.valueOf(calls),
                paperless ? "yes" : "no", churned ? "yes" : "no"};
    }

    private static int pick(Random random, double first, double second) {
        double p = random.nextDouble();
        return p < first ? 0 : p < first + second ? 1 : 2;
    }

    private static byte[] csv(List<String[]> customers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, customers.iterator());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /** The header, then a line per customer. */
    private static void write(OutputStream out, Iterator<String[]> customers) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        csv.write(HEADER);
        csv.write('\n');
        while (customers.hasNext()) {
            csv.write(String.join(",", customers.next()));
            csv.write('\n');
        }
        csv.flush();
    }
}
