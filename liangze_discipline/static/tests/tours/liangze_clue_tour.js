/** @odoo-module **/
// The clue register in the browser: the case officer handling a clue opens it,
// records the collective review (date, attendees, the proposed disposal and the
// opinion) and submits the disposal to the head for approval.
import {registry} from "@web/core/registry";

// The bureau's day (a clue received "today" in China), not the browser's: from 16:00 UTC
// the headless browser (UTC) is still on the day before.
const today = luxon.DateTime.now().setZone("Asia/Shanghai");

registry.category("web_tour.tours").add("liangze_clue_review_tour", {
    steps: () => [
        {
            content: "Open the clue assigned to me",
            trigger: ".o_list_view .o_data_row:contains(Tour Clerk Zhou) td[name=name]",
            run: "click",
        },
        {
            content: "The collective review",
            trigger: ".o_notebook a[name=review]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=review_date] input",
            run: `edit ${today.toFormat("yyyy/MM/dd")} && press Escape`,
        },
        {
            content: "Who attended",
            trigger: ".o_field_widget[name=attendee_ids] input",
            run: "edit Tour Manager",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour Manager)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=attendee_ids] input",
            run: "edit Tour Head",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour Head)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=attendee_ids] .o_tag:contains(Tour Head)",
        },
        {
            content: "The disposal proposed: a talk or letter inquiry",
            trigger: ".o_field_widget[name=proposed_way] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_menu .o_select_menu_item:contains(谈话函询)",
            run: "click",
        },
        {
            content: "By letter",
            trigger: ".o_field_widget[name=inquiry_kind] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_menu .o_select_menu_item:contains(函询):not(:contains(谈话))",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=review_note] textarea",
            run: "edit 经集体排查，线索反映问题具体，拟采取函询方式处置",
        },
        {
            content: "Record the review",
            trigger: ".o_form_view button[name=action_record_review]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=reviewed]",
        },
        {
            content: "Submit the disposal to the head",
            trigger: ".o_form_view button[name=action_submit_disposal]",
            run: "click",
        },
        {
            content: "The disposal awaits the head's approval",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=to_approve]",
        },
    ],
});
