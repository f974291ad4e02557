package io.incentivelab.simulation.scoring;

import java.util.List;

/**
 * The tree of a parsed scoring expression. Records compare structurally, so {@code parse(print(e)).equals(e)}
 * is the round-trip property. Constants are non-negative (a leading minus is a {@link Neg}).
 */
public sealed interface Expr {

    /** A numeric constant, finite, in [0, {@link ScoringLimits#MAX_CONSTANT}]. */
    record Num(double value) implements Expr {
    }

    /** A measured component. */
    record Comp(Component component) implements Expr {
    }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr {
    }

    /** A binary operator: one of {@code + - * /}. */
    record Bin(char op, Expr left, Expr right) implements Expr {
    }

    /** A function call. */
    record Call(Fn fn, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** The canonical text: minimal parentheses, single spaces around binary operators, ", " between arguments. */
    default String print() {
        StringBuilder sb = new StringBuilder();
        Printer.print(this, sb);
        return sb.toString();
    }

    /** Whether the expression names component {@code c} anywhere. */
    default boolean uses(Component c) {
        if (this instanceof Comp k) {
            return k.component() == c;
        }
        return children().stream().anyMatch(a -> a.uses(c));
    }

    /** Nodes in the tree. */
    default int size() {
        return 1 + children().stream().mapToInt(Expr::size).sum();
    }

    /** Depth of the tree (a leaf has depth 1). */
    default int depth() {
        return 1 + children().stream().mapToInt(Expr::depth).max().orElse(0);
    }

    /** The operands or arguments, left to right. */
    default List<Expr> children() {
        if (this instanceof Neg g) {
            return List.of(g.operand());
        } else if (this instanceof Bin b) {
            return List.of(b.left(), b.right());
        } else if (this instanceof Call f) {
            return f.args();
        }
        return List.of();
    }

    /** The canonical printer. */
    final class Printer {
        private Printer() {
        }

        static int precedence(Expr e) {
            if (e instanceof Bin b) {
                return b.op() == '+' || b.op() == '-' ? 1 : 2;
            }
            return e instanceof Neg ? 3 : 4;
        }

        static void print(Expr e, StringBuilder sb) {
            if (e instanceof Num n) {
                sb.append(number(n.value()));
            } else if (e instanceof Comp k) {
                sb.append(k.component().id());
            } else if (e instanceof Neg g) {
                sb.append('-');
                wrap(g.operand(), precedence(g.operand()) < 3, sb);
            } else if (e instanceof Bin b) {
                int p = precedence(b);
                wrap(b.left(), precedence(b.left()) < p, sb);
                sb.append(' ').append(b.op()).append(' ');
                // left-associative: an operand of the same precedence on the right needs parentheses
                wrap(b.right(), precedence(b.right()) <= p, sb);
            } else {
                Call f = (Call) e;
                sb.append(f.fn().id()).append('(');
                for (int i = 0; i < f.args().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    print(f.args().get(i), sb);
                }
                sb.append(')');
            }
        }

        private static void wrap(Expr e, boolean paren, StringBuilder sb) {
            if (paren) {
                sb.append('(');
            }
            print(e, sb);
            if (paren) {
                sb.append(')');
            }
        }

        /** Integers below 1e15 without a fraction; others as {@link Double#toString} (exact round trip). */
        static String number(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
    }
}
