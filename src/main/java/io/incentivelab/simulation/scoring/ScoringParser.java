package io.incentivelab.simulation.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a scoring expression (grammar in docs/scoring.md):
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := '-' unary | primary
 * primary := number | component | function '(' expr (',' expr)* ')' | '(' expr ')'
 * number  := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]
 * </pre>
 *
 * Spaces, tabs and line breaks between tokens are ignored. Every failure is a {@link ScoringSyntaxException}
 * naming the 1-based column and what was expected; nothing else is thrown, whatever the text.
 */
public final class ScoringParser {

    private static final String COMPONENTS = "speed, storage, quality, latency, gpuClass";
    private static final String FUNCTIONS = "min, max, gate, step, inverse, pick, ema";
    private static final String OPERAND = "a number, a component (" + COMPONENTS + "), a function call or '('";

    private final String text;
    private int pos;
    private int nesting;
    private int nodes;

    private ScoringParser(String text) {
        this.text = text;
    }

    /** Parses {@code text} into a tree, or throws a {@link ScoringSyntaxException}. */
    public static Expr parse(String text) {
        if (text == null) {
            throw new ScoringSyntaxException(1, "expected an expression but found nothing");
        }
        if (text.length() > ScoringLimits.MAX_LENGTH) {
            throw new ScoringSyntaxException(ScoringLimits.MAX_LENGTH + 1,
                    "the expression is " + text.length() + " characters long; at most " + ScoringLimits.MAX_LENGTH
                            + " are allowed");
        }
        ScoringParser p = new ScoringParser(text);
        p.skipSpace();
        Node root = p.expr();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error(p.pos, "expected an operator (+ - * /) or the end but found " + p.found(p.pos));
        }
        return root.expr;
    }

    /** Parses and compiles. */
    public static ScoringProgram compile(String text) {
        return ScoringProgram.compile(parse(text));
    }

    /** A subtree with its depth (a leaf has depth 1). */
    private record Node(Expr expr, int depth) {
    }

    private Node expr() {
        Node left = term();
        while (true) {
            skipSpace();
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                int at = pos;
                char op = text.charAt(pos++);
                skipSpace();
                Node right = term();
                left = combine(new Expr.Bin(op, left.expr, right.expr), Math.max(left.depth, right.depth), at);
            } else {
                return left;
            }
        }
    }

    private Node term() {
        Node left = unary();
        while (true) {
            skipSpace();
            if (pos < text.length() && (text.charAt(pos) == '*' || text.charAt(pos) == '/')) {
                int at = pos;
                char op = text.charAt(pos++);
                skipSpace();
                Node right = unary();
                left = combine(new Expr.Bin(op, left.expr, right.expr), Math.max(left.depth, right.depth), at);
            } else {
                return left;
            }
        }
    }

    private Node unary() {
        int at = pos;
        if (++nesting > ScoringLimits.MAX_DEPTH) {
            throw error(at, "the expression nests deeper than " + ScoringLimits.MAX_DEPTH + " levels");
        }
        try {
            if (pos < text.length() && text.charAt(pos) == '-') {
                pos++;
                skipSpace();
                Node operand = unary();
                return combine(new Expr.Neg(operand.expr), operand.depth, at);
            }
            return primary();
        } finally {
            nesting--;
        }
    }

    private Node primary() {
        if (pos >= text.length()) {
            throw error(pos, "expected " + OPERAND + " but found the end");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            skipSpace();
            Node inner = expr();
            skipSpace();
            expect(')', "expected ')' to close the '(' at column " + column(pos));
            return inner;
        }
        if (c >= '0' && c <= '9') {
            return number();
        }
        if (isIdentStart(c)) {
            return name();
        }
        throw error(pos, "expected " + OPERAND + " but found " + found(pos));
    }

    private Node number() {
        int start = pos;
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (!isDigit(pos)) {
                throw error(pos, "expected a digit after '.' but found " + found(pos));
            }
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (!isDigit(pos)) {
                throw error(pos, "expected the digits of an exponent but found " + found(pos));
            }
            digits();
        }
        if (pos < text.length() && (isIdentStart(text.charAt(pos)) || text.charAt(pos) == '.')) {
            throw error(pos, "expected an operator, ',' or ')' after the number but found " + found(pos));
        }
        String literal = text.substring(start, pos);
        double v = Double.parseDouble(literal); // only digits, '.', 'e' and a sign: always parses
        if (!(v <= ScoringLimits.MAX_CONSTANT)) {
            throw error(start, "the constant " + literal + " is larger than " + Expr.Printer.number(
                    ScoringLimits.MAX_CONSTANT) + " (the largest allowed)");
        }
        return leaf(new Expr.Num(v), start);
    }

    private Node name() {
        int start = pos;
        while (pos < text.length() && isIdentPart(text.charAt(pos))) {
            pos++;
        }
        String id = text.substring(start, pos);
        Component comp = Component.byId(id);
        Fn fn = Fn.byId(id);
        int afterName = pos;
        skipSpace();
        boolean call = pos < text.length() && text.charAt(pos) == '(';
        if (comp != null) {
            if (call) {
                throw error(pos, "'" + id + "' is a component, not a function: expected an operator after it");
            }
            pos = afterName;
            return leaf(new Expr.Comp(comp), start);
        }
        if (fn == null) {
            throw error(start, "unknown name '" + shorten(id) + "': expected a component (" + COMPONENTS
                    + ") or a function (" + FUNCTIONS + ")");
        }
        if (!call) {
            throw error(pos, "expected '(' after the function '" + id + "' but found " + found(pos));
        }
        pos++;
        List<Expr> args = new ArrayList<>();
        int depth = 0;
        while (true) {
            skipSpace();
            int argAt = pos;
            if (args.size() == ScoringLimits.MAX_ARGS) {
                throw error(argAt, id + "() takes at most " + ScoringLimits.MAX_ARGS + " arguments");
            }
            Node arg = expr();
            args.add(arg.expr);
            depth = Math.max(depth, arg.depth);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos < text.length() && text.charAt(pos) == ')') {
                pos++;
                break;
            }
            throw error(pos, "expected ',' or ')' in the arguments of " + id + "() but found " + found(pos));
        }
        if (args.size() < fn.minArgs() || args.size() > fn.maxArgs()) {
            throw error(start, id + "() takes " + fn.arity() + ", not " + args.size());
        }
        if (fn == Fn.EMA) {
            Expr h = args.get(1);
            if (!(h instanceof Expr.Num n) || !(n.value() > 0) || n.value() > ScoringLimits.MAX_HALF_LIFE) {
                throw error(start, "the half-life of ema() must be a constant number of epochs above 0 and at most "
                        + Expr.Printer.number(ScoringLimits.MAX_HALF_LIFE));
            }
        }
        return combine(new Expr.Call(fn, args), depth, start);
    }

    private Node leaf(Expr e, int at) {
        return combine(e, 0, at);
    }

    private Node combine(Expr e, int childDepth, int at) {
        if (++nodes > ScoringLimits.MAX_NODES) {
            throw error(at, "the expression has more than " + ScoringLimits.MAX_NODES + " terms (numbers, components,"
                    + " operators and calls)");
        }
        int depth = childDepth + 1;
        if (depth > ScoringLimits.MAX_DEPTH) {
            throw error(at, "the expression nests deeper than " + ScoringLimits.MAX_DEPTH + " levels");
        }
        return new Node(e, depth);
    }

    private void expect(char c, String message) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return;
        }
        throw error(pos, message + " but found " + found(pos));
    }

    private void digits() {
        while (isDigit(pos)) {
            pos++;
        }
    }

    private boolean isDigit(int at) {
        return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private static int column(int index) {
        return index + 1;
    }

    private ScoringSyntaxException error(int index, String detail) {
        return new ScoringSyntaxException(column(index), detail);
    }

    /** How the character at {@code index} reads in a message. */
    private String found(int index) {
        if (index >= text.length()) {
            return "the end";
        }
        int cp = text.codePointAt(index);
        if (cp >= 0x21 && cp < 0x7f && cp != '\'') {
            return "'" + (char) cp + "'";
        }
        return String.format("U+%04X", cp);
    }

    private static String shorten(String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "…";
    }
}
