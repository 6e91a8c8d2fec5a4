/** @odoo-module **/
// Letters and reports in the browser: the intake officer registers a named report
// about 王科长 (the reporter's name and phone, the content), saves it, and accepts
// it: the report gets its registration number and becomes a problem clue.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("liangze_petition_tour", {
    steps: () => [
        {
            content: "A new letter or report",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The reporter gave their name",
            trigger: ".o_form_view .o_field_widget[name=named] input",
            run: "check",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=reporter_name] input",
            run: "edit 孙举报",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=reporter_contact] input",
            run: "edit 13800000000",
        },
        {
            content: "The person reported",
            trigger: ".o_form_view .o_field_widget[name=concerned_cadre_ids] input",
            run: "edit 王科长",
        },
        {
            trigger: ".o-autocomplete--dropdown-item .dropdown-item:contains(王科长)",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=concerned_cadre_ids] .o_tag:contains(王科长)",
        },
        {
            content: "What the report says",
            trigger: ".o_form_view .o_field_widget[name=content] textarea",
            run: "edit 王科长将闲置办公用房低价出租给亲属经营的公司。",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Registered under its number",
            trigger: ".o_form_saved .o_field_widget[name=name]:contains(XF)",
        },
        {
            content: "Accept it",
            trigger: ".o_form_view button[name=action_accept]",
            run: "click",
        },
        {
            content: "Accepted, as a problem clue of the register",
            trigger: ".o_form_view .o_field_widget[name=clue_id]:contains(XS)",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=accepted]",
        },
    ],
});
