package io.ticketdesk.application.port.in.auth;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * @param initData the raw query string from {@code Telegram.WebApp.initData}
 * @param hash     optional; when sent it must equal the hash inside initData
 */
public record LogInWithTelegramCommand(String initData, String hash) {

    /** Far above any real initData (a few hundred bytes); keeps parsing cheap for junk. */
    public static final int INIT_DATA_MAX_LENGTH = 8192;

    public LogInWithTelegramCommand {
        List<FieldProblem> problems = new ArrayList<>();
        if (initData == null || initData.isBlank()) {
            problems.add(FieldProblem.of(InputField.INIT_DATA, "validation.required"));
        } else if (initData.length() > INIT_DATA_MAX_LENGTH) {
            problems.add(FieldProblem.of(InputField.INIT_DATA, "validation.too_long", INIT_DATA_MAX_LENGTH));
        }
        if (hash != null && hash.length() > 128) {
            problems.add(FieldProblem.of(InputField.HASH, "validation.too_long", 128));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
