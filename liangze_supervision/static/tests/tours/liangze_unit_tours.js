/** @odoo-module **/
// The addressed unit's head at work: acknowledges a reminder letter with a
// receipt, and reads a published supervision report.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("liangze_receipt_tour", {
    steps: () => [
        {
            content: "Open the reminder letter waiting for receipt",
            trigger: ".o_list_view .o_data_row td[name=state]:contains(已签发)",
            run: "click",
        },
        {
            content: "Go to the receipt",
            trigger: ".o_notebook .nav-link:contains(回执)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=receipt_note] textarea",
            run: "edit 已组织补报逾期台账",
        },
        {
            content: "Acknowledge receipt",
            trigger: ".o_form_view button[name=action_acknowledge]",
            run: "click",
        },
        {
            content: "The letter shows 已签收",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已签收)",
        },
    ],
});

registry.category("web_tour.tours").add("liangze_unit_reads_report_tour", {
    steps: () => [
        {
            content: "Open the published report on the unit",
            trigger: ".o_list_view .o_data_row td[name=name]:contains(演练监督报告)",
            run: "click",
        },
        {
            content: "The opinion tab shows the discipline body's opinion",
            trigger: ".o_notebook .nav-link:contains(监督意见)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=opinion]:contains(规范会议记录)",
        },
        {
            content: "No workflow button for the unit",
            trigger: ".o_form_view:not(:has(button[name=action_publish]:visible))",
        },
    ],
});

// Approval of a supervision report: each approver validates their tier.
registry.category("web_tour.tours").add("liangze_report_approve_tour", {
    steps: () => [
        {
            content: "Open the report waiting for approval",
            trigger: ".o_list_view .o_data_row td[name=name]:contains(演练审批报告)",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name=validate_tier]",
            run: "click",
        },
        {
            content: "Approved: nothing left to approve for this user",
            trigger: ".o_form_view:not(:has(button[name=validate_tier]:visible))",
        },
    ],
});

registry.category("web_tour.tours").add("liangze_report_publish_tour", {
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row td[name=name]:contains(演练审批报告)",
            run: "click",
        },
        {
            content: "Publish the approved report to the unit",
            trigger: ".o_form_view button[name=action_publish]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已发布)",
        },
    ],
});

// 整改 opened by the office's people and the county's leaders: the list shows the
// office's problems, and a problem opens with its place in the letter.
registry.category("web_tour.tours").add("liangze_rectification_opens_tour", {
    steps: () => [
        {
            content: "The rectification list shows the office's problems",
            trigger: ".o_list_view .o_data_row td[name=description]:contains(公务接待审批手续不全)",
            run: "click",
        },
        {
            content: "The problem opens as the second of its letter",
            trigger: ".o_form_view .o_field_widget[name=number]:contains(2)",
        },
        {
            content: "No error dialog",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});
