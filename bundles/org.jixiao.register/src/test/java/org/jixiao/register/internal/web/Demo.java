package org.jixiao.register.internal.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.Field.Flag;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.Transition;
import org.jixiao.api.register.Workflow;
import org.jixiao.api.testing.BareProject;
import org.jixiao.api.web.WebHandler;

/**
 * A key project declaring three registers that between them use every field type, flag, a workflow and a child
 * register; its messages in both languages; the org units and actors of the tests.
 */
final class Demo extends BareProject {

    static final String EVIL = "<script>alert('x')</script>";

    static final OrgUnit CITY = new OrgUnit(1, null, "city", "团市委", OrgLevel.CITY, "/1/");
    static final OrgUnit COUNTY_A = new OrgUnit(4, 1L, "a", "<b>A县</b>", OrgLevel.COUNTY, "/1/4/");
    static final OrgUnit COUNTY_B = new OrgUnit(5, 1L, "b", "B县", OrgLevel.COUNTY, "/1/5/");

    static final Actor CITY_ADMIN = new Actor(1, "admin", Set.of(Role.ADMIN, Role.STAFF), CITY, Locale.ROOT);
    static final Actor A_STAFF = new Actor(2, "staff", Set.of(Role.STAFF), COUNTY_A, Locale.ROOT);
    static final Actor A_VIEWER = new Actor(3, "viewer", Set.of(Role.VIEWER), COUNTY_A, Locale.ROOT);

    static final RegisterDefinition APPLICANTS = RegisterDefinition.builder("applicants", "APPLICANTS")
            .messages("app")
            .field(Field.text("name", 50).required().with(Flag.TITLE, Flag.LISTED, Flag.SEARCHABLE, Flag.SORTABLE))
            .field(Field.idNumber("idNumber").with(Flag.LISTED))
            .field(Field.phone("phone").with(Flag.LISTED))
            .field(Field.choice("gender", List.of("M", "F")).required().with(Flag.LISTED, Flag.FILTER))
            .field(Field.multiChoice("needs", Need.class).with(Flag.LISTED))
            .field(Field.bool("employed").with(Flag.LISTED, Flag.FILTER))
            .field(Field.reference("school", "schools").with(Flag.LISTED, Flag.FILTER))
            .field(Field.money("amount", MoneyUnit.WAN_YUAN).with(Flag.LISTED, Flag.SORTABLE))
            .field(Field.date("appliedOn", Field.DateRule.NOT_FUTURE).with(Flag.LISTED, Flag.FILTER,
                    Flag.SORTABLE))
            .field(Field.integer("age").withRange(16, 45))
            .field(Field.decimal("score", 2))
            .field(Field.longText("note", 500).with(Flag.HELP))
            .field(Field.text("address", 100).with(Flag.LISTED, Flag.PRIVATE))
            .field(Field.file("attachment"))
            .field(Field.user("officer", "").with(Flag.LISTED))
            .field(Field.date("reviewedOn", Field.DateRule.FUTURE_ALLOWED).with(Flag.READ_ONLY))
            .workflow(new Workflow("DRAFT", List.of("DRAFT", "SUBMITTED", "APPROVED", "REJECTED"), List.of(
                    new Transition("submit", List.of("DRAFT"), "SUBMITTED", "STAFF", null, List.of(), false),
                    new Transition("approve", List.of("SUBMITTED"), "APPROVED", "ADMIN", OrgLevel.CITY,
                            List.of("reviewedOn", "school"), false),
                    new Transition("reject", List.of("SUBMITTED"), "REJECTED", "ADMIN", null, List.of(), true)),
                    List.of("APPROVED")))
            .build();

    static final RegisterDefinition VISITS = RegisterDefinition.builder("visits", "VISITS").messages("visit")
            .parent("applicants")
            .field(Field.text("summary", 200).required().with(Flag.LISTED, Flag.TITLE))
            .field(Field.date("visitedOn", Field.DateRule.NOT_FUTURE).with(Flag.LISTED))
            .build();

    static final RegisterDefinition SCHOOLS = RegisterDefinition.builder("schools", "SCHOOLS").messages("school")
            .readers("ADMIN")
            .field(Field.text("name", 100).required().encrypted().with(Flag.LISTED, Flag.TITLE, Flag.SEARCHABLE))
            .build();

    enum Need { JOB, LOAN, TRAINING }

    @Override
    public String id() {
        return "demo";
    }

    @Override
    public WebHandler web() {
        throw new UnsupportedOperationException("the tests build RegisterWeb themselves");
    }

    @Override
    public List<RegisterDefinition> registers() {
        return List.of(APPLICANTS, VISITS, SCHOOLS);
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return new MapBundle(Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? EN : ZH);
    }

    // ---------------------------------------------------------------- messages

    private static final Map<String, String> ZH = messages(
            "project.name", "演示项目",
            "app.title", "申请人", "visit.title", "走访", "school.title", "学校",
            "app.field.name", "姓名", "app.field.idNumber", "身份证号", "app.field.phone", "手机",
            "app.field.gender", "性别", "app.gender.M", "男", "app.gender.F", "女",
            "app.field.needs", "需求", "app.needs.JOB", "就业", "app.needs.LOAN", "贷款", "app.needs.TRAINING", "培训",
            "app.field.employed", "已就业", "app.field.school", "学校", "app.field.amount", "金额",
            "app.field.appliedOn", "申请日期", "app.field.age", "年龄", "app.field.score", "评分",
            "app.field.note", "备注", "app.field.note.help", "最多 500 字", "app.field.address", "住址",
            "app.field.attachment", "附件", "app.field.officer", "经办人", "app.field.reviewedOn", "审核日期",
            "app.state.DRAFT", "草稿", "app.state.SUBMITTED", "已提交", "app.state.APPROVED", "已批准",
            "app.state.REJECTED", "已退回",
            "app.transition.submit", "提交", "app.transition.approve", "批准", "app.transition.reject", "退回",
            "visit.field.summary", "摘要", "visit.field.visitedOn", "走访日期",
            "school.field.name", "校名",
            "test.required", "必填", "test.version.conflict", "记录已被他人修改", "test.reason.required", "请填写理由",
            "test.unit.invalid", "单位无效");

    private static final Map<String, String> EN = messages(
            "project.name", "Demo project",
            "app.title", "Applicants", "visit.title", "Visits", "school.title", "Schools",
            "app.field.name", "Name", "app.field.idNumber", "ID number", "app.field.phone", "Mobile",
            "app.field.gender", "Gender", "app.gender.M", "Male", "app.gender.F", "Female",
            "app.field.needs", "Needs", "app.needs.JOB", "Job", "app.needs.LOAN", "Loan", "app.needs.TRAINING",
            "Training",
            "app.field.employed", "Employed", "app.field.school", "School", "app.field.amount", "Amount",
            "app.field.appliedOn", "Applied on", "app.field.age", "Age", "app.field.score", "Score",
            "app.field.note", "Note", "app.field.note.help", "At most 500 characters", "app.field.address",
            "Address",
            "app.field.attachment", "Attachment", "app.field.officer", "Officer", "app.field.reviewedOn",
            "Reviewed on",
            "app.state.DRAFT", "Draft", "app.state.SUBMITTED", "Submitted", "app.state.APPROVED", "Approved",
            "app.state.REJECTED", "Returned",
            "app.transition.submit", "Submit", "app.transition.approve", "Approve", "app.transition.reject",
            "Return",
            "visit.field.summary", "Summary", "visit.field.visitedOn", "Visited on",
            "school.field.name", "School name",
            "test.required", "Required", "test.version.conflict", "Changed by someone else", "test.reason.required",
            "Give a reason", "test.unit.invalid", "Not a unit");

    private static Map<String, String> messages(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A project's bundle as {@code i18n/messages*.properties} would give it, without files. */
    private static final class MapBundle extends ResourceBundle {
        private final Map<String, String> messages;

        MapBundle(Map<String, String> messages) {
            this.messages = messages;
        }

        @Override
        protected Object handleGetObject(String key) {
            return messages.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(messages.keySet());
        }
    }
}
