/** @odoo-module **/
// The evaluation on a phone: the evaluator opens the reporter still to rate
// under My Evaluations and rates them Good with one tap.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("liangze_duty_rating_tour", {
    steps: () => [
        {
            content: "The reporter to rate is listed: rate them",
            trigger: ".o_kanban_record:contains(周明) button[name=action_open_rating]",
            run: "click",
        },
        {
            content: "The evaluation screen shows the reporter",
            trigger: ".o_dialog .o_field_widget[name=reporter_name]:contains(周明)",
        },
        {
            content: "One tap: Good",
            trigger: ".o_dialog button[name=action_good]",
            run: "click",
        },
        {
            content: "The ballot is cast: the screen closes",
            trigger: "body:not(:has(.o_dialog))",
        },
        {
            content: "Nobody is left to rate",
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains(周明)))",
        },
    ],
});
