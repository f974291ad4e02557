package io.incentivelab.simulation.emission;

/**
 * The split of a subnet's per-block emission (economics.md §3b, yuma.md §1): the owner cut comes off first
 * ({@code SubnetOwnerCut}, default 11796/65535 ≈ 18%), the rest goes {@code minerShare} to miners (default
 * 0.5) and the remainder to validators, of which {@code rootProportion · 0.5} goes to root stakers.
 * Default: 18 / 41 / 41. Amounts are floored to rao, and the validator part takes the rounding remainder, so
 * owner + miners + validators + root == the input exactly.
 *
 * @param ownerCutU16 owner cut as u16 (fraction = u/65535)
 * @param minerShare  fraction of the post-cut emission paid to miners, in [0, 1]
 */
public record SubnetEmissionSplit(int ownerCutU16, double minerShare) {

    public SubnetEmissionSplit {
        if (ownerCutU16 < 0 || ownerCutU16 > 65535) {
            throw new IllegalArgumentException("ownerCutU16 must be a u16: " + ownerCutU16);
        }
        if (!(minerShare >= 0 && minerShare <= 1)) {
            throw new IllegalArgumentException("minerShare must be in [0, 1]: " + minerShare);
        }
    }

    /** The chain's default: owner 11796/65535, miners and validators half each of the rest. */
    public static SubnetEmissionSplit chainDefault() {
        return new SubnetEmissionSplit(11796, 0.5);
    }

    /**
     * One block's (or one epoch's) parts, in rao.
     *
     * @param owner      subnet owner cut
     * @param miners     pot distributed by incentive
     * @param validators pot distributed by dividends (alpha stakers)
     * @param root       part of the validator half that goes to root stakers
     */
    public record Parts(long owner, long miners, long validators, long root) {
        public long total() {
            return owner + miners + validators + root;
        }
    }

    /**
     * @param emissionRao    the subnet's emission, in rao
     * @param rootProportion {@code tao_weight·RootTAO / (tao_weight·RootTAO + alpha_issuance)}, in [0, 1]; 0 for none
     * @return the four parts, summing to {@code emissionRao}
     */
    public Parts split(long emissionRao, double rootProportion) {
        if (emissionRao < 0) {
            throw new IllegalArgumentException("emission must be >= 0");
        }
        long owner = (long) Math.floor(emissionRao * (ownerCutU16 / 65535.0));
        long rest = emissionRao - owner;
        long miners = (long) Math.floor(rest * minerShare);
        long validatorHalf = rest - miners;
        long root = (long) Math.floor(validatorHalf * Math.max(0, Math.min(1, rootProportion)));
        return new Parts(owner, miners, validatorHalf - root, root);
    }

    public Parts split(long emissionRao) {
        return split(emissionRao, 0);
    }
}
