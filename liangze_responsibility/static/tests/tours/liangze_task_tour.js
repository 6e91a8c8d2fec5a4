/** @odoo-module **/
// A responsibility user works on a task from "My Tasks": plan, progress
// entry, evidence attachment, sign-off and submission.
import {registry} from "@web/core/registry";

function uploadFile(fieldSelector, name) {
    // The file input itself is hidden: wait for its field, then feed it.
    return {
        trigger: fieldSelector,
        run() {
            const input = document.querySelector(`${fieldSelector} input[type=file]`);
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
            trigger: ".modal .o_field_widget[name=description] textarea",
            run: "edit 已召开党风廉政建设专题会议",
        },
        {
            trigger: ".modal .o_field_widget[name=percent] input",
            run: "edit 100",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The entry is listed",
            trigger: ".o_field_widget[name=progress_ids] .o_data_row:contains(已召开党风廉政建设专题会议)",
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
        uploadFile(".o_field_widget[name=evidence_ids] .o_data_row [name=file]", "minutes.pdf"),
        {
            content: "The file is attached",
            trigger: ".o_field_widget[name=evidence_ids] .o_data_row [name=file] .o_clear_file_button",
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
