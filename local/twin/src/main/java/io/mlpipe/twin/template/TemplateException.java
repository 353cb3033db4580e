package io.mlpipe.twin.template;

/** A template the twin cannot run, with what is wrong and where. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
