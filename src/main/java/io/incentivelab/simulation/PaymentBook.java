package io.incentivelab.simulation;

/**
 * What a subnet's epochs paid over some span (a network step, a sample interval, the run), TAO value in rao:
 * issued to the subnet, and of that the owner's cut, the miners' (after the owner's burn; {@link #cheat} is the
 * part that went to cheaters and copiers), the validators' (root share included; {@link #root} is that share)
 * and the miner pot burned on the owner's hotkeys.
 */
final class PaymentBook {

    private long issued;
    private long owner;
    private long miners;
    private long cheat;
    private long validators;
    private long root;
    private long burned;

    /** Adds one epoch's payment. */
    void add(long issued, long owner, long miners, long cheat, long validators, long root, long burned) {
        this.issued += issued;
        this.owner += owner;
        this.miners += miners;
        this.cheat += cheat;
        this.validators += validators;
        this.root += root;
        this.burned += burned;
    }

    /** Starts a new span: every sum is 0. */
    void clear() {
        issued = 0;
        owner = 0;
        miners = 0;
        cheat = 0;
        validators = 0;
        root = 0;
        burned = 0;
    }

    long issued() {
        return issued;
    }

    long owner() {
        return owner;
    }

    long miners() {
        return miners;
    }

    long cheat() {
        return cheat;
    }

    long validators() {
        return validators;
    }

    long root() {
        return root;
    }

    long burned() {
        return burned;
    }
}
