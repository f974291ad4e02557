package io.incentivelab.cli;

/** Bad arguments or a bad input file; the message names the field or argument. Exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
