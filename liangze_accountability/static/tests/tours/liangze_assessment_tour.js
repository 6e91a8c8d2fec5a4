/** @odoo-module **/
// The assessment in the browser: the office's head opens the running
// ranking, the office's deductions, the task one of them comes from, and
// appeals it; the assessor then withdraws the deduction.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("liangze_assessment_appeal_tour", {
    steps: () => [
        {
            content: "The ranking opens grouped by peer group: open the group",
            trigger: ".o_list_view .o_group_header",
            run: "click",
        },
        {
            content: "The office's deductions",
            trigger: ".o_list_view .o_data_row:contains(办公室) button[name=action_open_deductions]",
            run: "click",
        },
        {
            content: "The deduction drawn from the late task",
            trigger: ".o_list_view .o_data_row td[name=source_name]:contains(Tour late ledger)",
            run: "click",
        },
        {
            content: "Open the task it comes from",
            trigger: ".o_form_view button[name=action_open_source]",
            run: "click",
        },
        {
            content: "The task's ledger is shown",
            trigger: ".o_form_view .o_field_widget[name=name]:contains(Tour late ledger)",
        },
        {
            content: "Back to the deduction",
            trigger: ".o_breadcrumb .breadcrumb-item:last-child a",
            run: "click",
        },
        {
            content: "Appeal it",
            trigger: ".o_form_view button[name=action_appeal]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit 该台账已按时报送，逾期系审核环节所致",
        },
        {
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The appeal is filed",
            trigger: "body:not(:has(.modal))",
        },
    ],
});

registry.category("web_tour.tours").add("liangze_assessment_decide_tour", {
    steps: () => [
        {
            content: "Open the appeal",
            trigger: ".o_list_view .o_data_row:contains(逾期系审核环节所致) td[name=unit_id]",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=action_open_decision]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit 经核实，该台账按时报送，撤销此项扣分",
        },
        {
            trigger: ".modal button[name=action_withdraw]",
            run: "click",
        },
        {
            content: "The deduction is withdrawn",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(撤销扣分)",
        },
    ],
});
