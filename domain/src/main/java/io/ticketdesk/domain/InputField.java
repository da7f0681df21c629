package io.ticketdesk.domain;

/**
 * The fields of what people send to the desk, as the core names them in a {@link FieldProblem}.
 * Each adapter gives them its own words: the REST API its JSON names, the bot its phrases.
 */
public enum InputField {
    TITLE, DESCRIPTION, CONTENT, CATEGORY, PRIORITY, STATUS, ASSIGNEE, INTERNAL, ATTACHMENTS,
    SORT, SEARCH, PAGE, SIZE,
    ROLE, ACTIVE, INCLUDE_INACTIVE, FIRST_NAME, LAST_NAME, USERNAME,
    NAME, ICON, COLOR, SORT_ORDER,
    FROM_DATE, TO_DATE,
    INIT_DATA, HASH,
    FILE
}
