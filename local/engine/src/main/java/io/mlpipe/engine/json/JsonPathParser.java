package io.mlpipe.engine.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Compiles JSONPath text into a {@link JsonPath}; throws IllegalArgumentException on bad syntax. */
final class JsonPathParser {
    private final String text;
    private int pos;
    /** Inside a filter a name also ends at a space, ')' or an operator. */
    private boolean inFilter;

    JsonPathParser(String text) {
        this.text = text;
    }

    JsonPath parse() {
        if (text == null || !text.startsWith("$")) throw error("must start with '$'");
        pos = 1;
        JsonPath.Root root = JsonPath.Root.INPUT;
        String variable = null;
        if (peek() == '$') {
            pos++;
            root = JsonPath.Root.CONTEXT;
        } else if (pos < text.length() && isNameStart(peek())) {
            root = JsonPath.Root.VARIABLE;
            variable = name();
        }
        List<PathSegment> segments = new ArrayList<>();
        while (pos < text.length()) segments.add(segment());
        return new JsonPath(text, root, variable, segments);
    }

    private PathSegment segment() {
        char c = peek();
        if (c == '.') {
            pos++;
            if (peek() == '.') {
                pos++;
                if (peek() == '[') return new PathSegment.Descent(bracket());
                return new PathSegment.Descent(dotted());
            }
            return dotted();
        }
        if (c == '[') return bracket();
        throw error("unexpected '" + c + "'");
    }

    private PathSegment dotted() {
        if (peek() == '*') {
            pos++;
            return new PathSegment.Wildcard();
        }
        String n = looseName();
        if (n.isEmpty()) throw error("empty field name");
        return new PathSegment.Field(n);
    }

    private PathSegment bracket() {
        expect('[');
        skipSpaces();
        PathSegment result;
        char c = peek();
        if (c == '*') {
            pos++;
            result = new PathSegment.Wildcard();
        } else if (c == '?') {
            pos++;
            expect('(');
            result = new PathSegment.Filter(filter());
            expect(')');
        } else if (c == '\'' || c == '"') {
            List<PathSegment> names = new ArrayList<>();
            names.add(new PathSegment.Field(quoted()));
            skipSpaces();
            while (peek() == ',') {
                pos++;
                skipSpaces();
                names.add(new PathSegment.Field(quoted()));
                skipSpaces();
            }
            result = names.size() == 1 ? names.get(0) : new PathSegment.Union(names);
        } else {
            result = indexes();
        }
        skipSpaces();
        expect(']');
        return result;
    }

    private PathSegment indexes() {
        Integer first = optionalInt();
        skipSpaces();
        if (peek() == ':') {
            pos++;
            Integer end = optionalInt();
            int step = 1;
            if (peek() == ':') {
                pos++;
                Integer s = optionalInt();
                step = s == null ? 1 : s;
            }
            return new PathSegment.Slice(first, end, step);
        }
        if (first == null) throw error("expected an index");
        List<PathSegment> parts = new ArrayList<>();
        parts.add(new PathSegment.Index(first));
        while (peek() == ',') {
            pos++;
            skipSpaces();
            Integer next = optionalInt();
            if (next == null) throw error("expected an index");
            parts.add(new PathSegment.Index(next));
            skipSpaces();
        }
        return parts.size() == 1 ? parts.get(0) : new PathSegment.Union(parts);
    }

    /** filter := and ("||" and)*; and := primary ("&&" primary)*; primary := "(" filter ")" | comparison. */
    private FilterPredicate filter() {
        FilterPredicate left = conjunction();
        while (skipSpacesThen("||")) left = new FilterPredicate.Or(left, conjunction());
        return left;
    }

    private FilterPredicate conjunction() {
        FilterPredicate left = primary();
        while (skipSpacesThen("&&")) left = new FilterPredicate.And(left, primary());
        return left;
    }

    private FilterPredicate primary() {
        skipSpaces();
        if (peek() == '(') {
            pos++;
            FilterPredicate inner = filter();
            skipSpaces();
            expect(')');
            return inner;
        }
        return comparison();
    }

    /** True (and consumed) when {@code token} comes next after spaces. */
    private boolean skipSpacesThen(String token) {
        skipSpaces();
        if (!text.startsWith(token, pos)) return false;
        pos += token.length();
        return true;
    }

    private FilterComparison comparison() {
        skipSpaces();
        expect('@');
        List<PathSegment> path = new ArrayList<>();
        inFilter = true;
        while (peek() == '.' || peek() == '[') {
            PathSegment s = segment();
            if (!s.definite()) throw error("filters accept names and indexes only");
            path.add(s);
        }
        inFilter = false;
        skipSpaces();
        if (peek() == ')' || text.startsWith("&&", pos) || text.startsWith("||", pos)) return new FilterComparison(path, null, null);
        int start = pos;
        while (pos < text.length() && "=!<>".indexOf(peek()) >= 0) pos++;
        String op = text.substring(start, pos);
        if (!List.of("==", "!=", "<", "<=", ">", ">=").contains(op)) throw error("bad filter operator '" + op + "'");
        skipSpaces();
        if (peek() == '\'' || peek() == '"') return new FilterComparison(path, op, Json.NODES.textNode(quoted()));
        int litStart = pos;
        while (pos < text.length() && " )&|".indexOf(peek()) < 0) pos++;
        String literal = text.substring(litStart, pos);
        try {
            JsonNode value = Json.MAPPER.readTree(literal);
            if (value == null || !value.isValueNode()) throw error("bad filter value '" + literal + "'");
            return new FilterComparison(path, op, value);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw error("bad filter value '" + literal + "'");
        }
    }

    private Integer optionalInt() {
        skipSpaces();
        int start = pos;
        if (peek() == '-') pos++;
        while (pos < text.length() && Character.isDigit(peek())) pos++;
        if (start == pos) return null;
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("bad index");
        }
    }

    private String quoted() {
        char q = peek();
        if (q != '\'' && q != '"') throw error("expected a quoted name");
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && peek() != q) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) c = text.charAt(pos++);
            sb.append(c);
        }
        expect(q);
        return sb.toString();
    }

    /** A name after '.': anything up to the next '.' or '['. */
    private String looseName() {
        int start = pos;
        while (pos < text.length() && peek() != '.' && peek() != '[' && !(inFilter && " )=!<>&|".indexOf(peek()) >= 0)) pos++;
        return text.substring(start, pos);
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) pos++;
        return text.substring(start, pos);
    }

    private static boolean isNameStart(char c) { return Character.isLetter(c) || c == '_'; }

    private void skipSpaces() {
        while (pos < text.length() && peek() == ' ') pos++;
    }

    private char peek() { return pos < text.length() ? text.charAt(pos) : '\0'; }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Invalid JSONPath '" + text + "': " + what + " at position " + pos);
    }
}
