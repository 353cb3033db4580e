package io.mlpipe.engine.intrinsics;

import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.json.JsonPath;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses intrinsic call text. In string literals "the characters ' { } \ must be escaped with a
 * backslash"; the template of States.Format keeps \{ and \} so that the function can tell literal
 * braces from placeholders. Throws IllegalArgumentException on bad syntax, unknown names, wrong
 * arity or "more than 10 nested intrinsic functions".
 */
final class IntrinsicParser {
    static final int MAX_NESTING = 10;
    private final String text;
    private int pos;

    IntrinsicParser(String text) {
        this.text = text;
    }

    IntrinsicExpression parse() {
        IntrinsicExpression e = call(1);
        skipSpaces();
        if (pos != text.length()) throw error("unexpected text after the call");
        return e;
    }

    private IntrinsicExpression.Call call(int depth) {
        if (depth > MAX_NESTING) throw error("more than " + MAX_NESTING + " nested intrinsic functions");
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '(') pos++;
        String name = text.substring(start, pos).trim();
        IntrinsicFunction fn = Intrinsics.get(name);
        if (fn == null) throw error("unknown intrinsic function '" + name + "'");
        expect('(');
        List<IntrinsicExpression> args = new ArrayList<>();
        skipSpaces();
        if (peek() != ')') {
            args.add(argument(depth, fn, 0));
            skipSpaces();
            while (peek() == ',') {
                pos++;
                args.add(argument(depth, fn, args.size()));
                skipSpaces();
            }
        }
        expect(')');
        String arity = fn.checkArity(args.size());
        if (arity != null) throw new IllegalArgumentException(arity);
        return new IntrinsicExpression.Call(fn, args.toArray(new IntrinsicExpression[0]));
    }

    private IntrinsicExpression argument(int depth, IntrinsicFunction fn, int index) {
        skipSpaces();
        char c = peek();
        if (c == '\'') return new IntrinsicExpression.Literal(Json.NODES.textNode(string(fn instanceof StatesFormat && index == 0)));
        if (c == '$') {
            int start = pos;
            int brackets = 0;
            while (pos < text.length()) {
                char p = text.charAt(pos);
                if (p == '[') brackets++;
                else if (p == ']') brackets--;
                else if (brackets == 0 && (p == ',' || p == ')')) break;
                else if (p == '\'' && brackets > 0) skipQuoted();
                pos++;
            }
            return new IntrinsicExpression.PathArgument(JsonPath.compile(text.substring(start, pos).trim()));
        }
        if (text.startsWith("States.", pos)) return call(depth + 1);
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') pos++;
        String literal = text.substring(start, pos).trim();
        try {
            var node = Json.MAPPER.readTree(literal);
            if (node == null || node.isContainerNode() || node.isTextual() || node.isMissingNode()) throw new IllegalArgumentException();
            return new IntrinsicExpression.Literal(node);
        } catch (Exception e) {
            throw error("invalid argument '" + literal + "'");
        }
    }

    private void skipQuoted() {
        pos++;
        while (pos < text.length() && text.charAt(pos) != '\'') {
            if (text.charAt(pos) == '\\') pos++;
            pos++;
        }
    }

    private String string(boolean keepBraceEscapes) {
        expect('\'');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '\'') break;
            if (c == '\\') {
                if (pos >= text.length()) throw error("unterminated escape");
                char e = text.charAt(pos++);
                if (keepBraceEscapes && (e == '{' || e == '}' || e == '\\')) sb.append('\\');
                sb.append(e);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private char peek() { return pos < text.length() ? text.charAt(pos) : '\0'; }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Invalid intrinsic function '" + text + "': " + what);
    }
}
