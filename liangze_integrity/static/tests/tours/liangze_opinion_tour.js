/** @odoo-module **/
// Integrity opinions in the browser: the organisation officer files a request
// for two persons and submits it; once the discipline body replied, the officer
// opens the request and reads the opinions and the reply number.
import {registry} from "@web/core/registry";

function addPerson(name) {
    return [
        {
            content: `Add ${name}`,
            trigger: ".o_field_widget[name=opinion_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=opinion_ids] .o_data_row.o_selected_row [name=cadre_id] input",
            run: `edit ${name}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item .dropdown-item:contains(${name})`,
            run: "click",
        },
        {
            content: `${name} is listed`,
            trigger: `.o_field_widget[name=opinion_ids] .o_data_row td[name=cadre_id][data-tooltip="${name}"]`,
        },
    ];
}

registry.category("web_tour.tours").add("liangze_opinion_request_tour", {
    steps: () => [
        {
            content: "A new request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=title] input",
            run: "edit 2026年第一批科级干部选拔任用",
        },
        ...addPerson("钱七"),
        ...addPerson("孙八"),
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit it to the discipline body",
            trigger: ".o_form_saved button[name=action_submit]",
            run: "click",
        },
        {
            content: "The request is submitted, with its reply deadline",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已提交)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=reply_deadline]",
        },
    ],
});

registry.category("web_tour.tours").add("liangze_opinion_reply_tour", {
    steps: () => [
        {
            content: "The replied request",
            trigger: ".o_list_view .o_data_row:contains(2026年第一批科级干部选拔任用) td[name=title]",
            run: "click",
        },
        {
            content: "The reply number",
            trigger: ".o_form_view .o_field_widget[name=reply_number]:contains(号)",
        },
        {
            content: "The opinion on 钱七",
            trigger: ".o_field_widget[name=opinion_ids] .o_data_row:contains(钱七) td[name=opinion_text]:contains(未发现影响该同志)",
        },
        {
            content: "The opinion on 孙八",
            trigger: ".o_field_widget[name=opinion_ids] .o_data_row:contains(孙八) td[name=opinion]:contains(否决)",
        },
    ],
});
