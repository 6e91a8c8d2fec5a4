/** @odoo-module **/
// A supervisor works through the review queue: returns one task with a
// reason, accepts another.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("liangze_review_tour", {
    steps: () => [
        {
            content: "Open the first task of the queue",
            trigger: ".o_list_view .o_data_row td[name=name]:contains(Tour review A)",
            run: "click",
        },
        {
            content: "Return it for more material",
            trigger: ".o_form_view button[name=action_open_return_wizard]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit 请补充会议签到表",
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The task shows 已退回",
            trigger: ".o_form_view .ribbon:contains(已退回)",
        },
        {
            content: "Back to the queue",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row td[name=name]:contains(Tour review B)",
            run: "click",
        },
        {
            content: "Accept it",
            trigger: ".o_form_view button[name=action_accept]",
            run: "click",
        },
        {
            content: "The task shows 已通过",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已通过)",
        },
    ],
});
