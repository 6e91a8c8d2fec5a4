/** @odoo-module **/
// A responsibility user works on a task from "My Tasks": plan, progress
// entry, evidence attachment, sign-off and submission.
import {registry} from "@web/core/registry";

function uploadFile(selector, name) {
    return {
        trigger: selector,
        run() {
            const input = document.querySelector(selector);
            const transfer = new DataTransfer();
            transfer.items.add(new File(["%PDF-1.4 minutes"], name, {type: "application/pdf"}));
            input.files = transfer.files;
            input.dispatchEvent(new Event("change", {bubbles: true}));
        },
    };
}

registry.category("web_tour.tours").add("liangze_task_submit_tour", {
    steps: () => [
        {
            content: "Open the task from My Tasks",
            trigger: ".o_list_view .o_data_row td[name=name]:contains(Tour meeting)",
            run: "click",
        },
        {
            content: "Write the plan",
            trigger: ".o_form_view .o_field_widget[name=plan] .odoo-editor-editable",
            run: "editor 三月召开专题会议，部署全年党风廉政建设工作",
        },
        {
            content: "Add a progress entry",
            trigger: ".o_field_widget[name=progress_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=progress_ids] .o_data_row [name=description] textarea",
            run: "edit 已召开党风廉政建设专题会议",
        },
        {
            trigger: ".o_field_widget[name=progress_ids] .o_data_row [name=percent] input",
            run: "edit 100",
        },
        {
            content: "Save the ledger",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Open the evidence tab",
            trigger: ".o_form_saved .o_notebook a[name=evidence]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=evidence_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=evidence_ids] .o_data_row [name=name] input",
            run: "edit 会议纪要",
        },
        uploadFile(".o_field_widget[name=evidence_ids] .o_data_row [name=file] input[type=file]", "minutes.pdf"),
        {
            content: "The file is attached",
            trigger: ".o_field_widget[name=evidence_ids] .o_data_row [name=file]:contains(minutes.pdf)",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Sign off and submit",
            trigger: ".o_form_saved button[name=action_open_submit_wizard]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=confirm] input",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_submit]",
            run: "click",
        },
        {
            content: "The task shows 已提交",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已提交)",
        },
    ],
});
