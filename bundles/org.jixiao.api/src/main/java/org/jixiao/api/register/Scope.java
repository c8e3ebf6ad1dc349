package org.jixiao.api.register;

/** Who may reach a record besides the city's own roles. */
public enum Scope {
    /**
     * The record belongs to one evaluated unit (a county or district) and is reached from that unit or above: a
     * county user never sees another county's record, the city sees all. Another unit's record answers "not found".
     */
    UNIT,
    /**
     * Need to know: the record is readable only by the users named in its assignee fields and by the offices the
     * definition names (e.g. the prevention office of its county). Everyone else, the city's administrators
     * included, gets "not found".
     */
    NEED_TO_KNOW,
    /**
     * The city's own list that every county uses, such as the categories of key youth: its records belong to the
     * city (the root unit), only the city's holders of the writer roles create, edit or delete them, and every reader
     * of the project reads them and names them in references.
     *
     * @since 1.3
     */
    CITY
}
