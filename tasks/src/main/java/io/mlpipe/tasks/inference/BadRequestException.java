package io.mlpipe.tasks.inference;

/** The caller's request is wrong (400); the message says which row and feature. */
final class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message);
    }
}
