package io.mlpipe.cli.commands;

import io.mlpipe.cli.connection.Resources;
import java.io.PrintWriter;

/** The resources as people read them (info, up, demo). */
final class ResourceLines {
    private ResourceLines() {
    }

    static void print(Resources r, PrintWriter out) {
        if (r.endpoint() != null) {
            row(out, "edge", r.endpoint());
        } else {
            row(out, "region", r.region());
        }
        row(out, "bucket", r.bucket());
        row(out, "state machine", r.stateMachineArn());
        row(out, "REST API", r.apiUrl());
        row(out, "console", r.consoleUrl());
        r.tables().forEach((role, table) -> row(out, role + " table", table));
        if (r.dataDirectory() != null) {
            row(out, "data", r.dataDirectory());
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf("  %-18s %s%n", name, value == null ? "-" : value);
    }

    /** How to reach the services with the AWS CLI. */
    static String awsCli(Resources r) {
        return r.endpoint() == null ? "aws" : "aws --endpoint-url " + r.endpoint();
    }
}
