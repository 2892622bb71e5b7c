using static DataIp.Web.Tests.Api.MatrixRow;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// The one place that says who may call what on whose resource (issue M6): every endpoint of the
/// platform, keyed by its method and route pattern (a Razor page by <c>PAGE</c> and its route), with
/// the resource its route values come from (<see cref="MatrixCase"/>), the body sent, and the answer
/// of every identity (<see cref="MatrixRow"/> explains the notation). Identities: anonymous, the
/// national administrator (admin), body administrators of Shenzhen 4403 and Shanghai 3100, the
/// four demo applicants, the demo bank and a second bank with no pledge, and the examiner of every
/// body. Who owns what: applicant 1 files the applications awaiting correction and under objection
/// review and holds the two Shenzhen registrations (one pledged to the bank, one offered to
/// applicant 4); applicant 2 filed the submitted and the noticed Guangdong applications; applicant 3
/// the two Shanghai ones in examination; applicant 4 holds the registration transferred to it.
/// </summary>
/// <remarks>
/// Strangers are called first; the rightful calls then run in the table's order, each on the state
/// the lines above it left: so the acts that end or hand over a case come last, and a few rightful
/// answers are refusals that the earlier lines' acts cause (noted where they do). Rightful answers
/// other than success are refusals for a reason other than who calls (a state, a guard, a field).
/// Every rightful call is made: none spoils a later line in this order (a <c>~</c> would mark one
/// that did, with the reason).
/// </remarks>
internal static class AuthorizationMatrix
{
    private const string Signed = "others 200*, anonymous 401";
    private const string Anyone = "others 200*";
    private static readonly Func<string, HttpContent> Reason = Json(new { reason = "矩阵测试 authorization matrix" });

    public static Dictionary<string, MatrixRow> Rows(MatrixCase c) => new()
    {
        // Operations and the API description: anyone.
        ["GET /healthz"] = new("none", Anyone),
        ["GET /openapi/{documentName}.json"] = new("openapi", Anyone),
        ["GET /docs/{documentName?}"] = new("openapi", Anyone),
        ["GET /docs/scalar.js"] = new("none", Anyone),
        ["GET /docs/scalar.aspnetcore.js"] = new("none", Anyone),
        ["GET /docs/favicon.svg"] = new("none", Anyone),

        // Accounts. Everyone signed in may change its own password: a wrong current password is a 400.
        ["POST /api/v1/auth/token"] = new("none", Anyone) { Body = Json(new { email = "applicant1@demo.dataip.cn", password = "DataIp-Demo-2025" }) },
        ["POST /api/v1/auth/refresh"] = new("none", Anyone) { Body = Json(new { refreshToken = c.Values["refreshToken"] }) },
        ["POST /api/v1/auth/password"] = new("none", "others 400*, anonymous 401")
        {
            Body = Json(new { currentPassword = "Not-the-password-2025", newPassword = "Another-long-password-2026" }),
        },
        // A sign-up with a taken address is answered as any other, and creates nothing.
        ["POST /api/v1/accounts/"] = new("none", "others 202*")
        {
            Body = Json(new
            {
                email = "applicant1@demo.dataip.cn",
                password = "Matrix-sign-up-password-2025",
                displayName = "矩阵测试有限公司",
                registrantType = "enterprise",
                identifier = Infrastructure.TestContent.CreditCode,
                regionCode = "440300",
            }),
        },
        ["GET /api/v1/accounts/me"] = new("none", Signed),
        ["POST /api/v1/accounts/staff"] = new("none", "admin 201*, bodyAdmin.4403 201*, bodyAdmin.3100 403, others 403, anonymous 401")
        {
            Body = JsonOf(who => new { email = $"examiner.by.{who.ToLowerInvariant()}@matrix.test.dataip.cn", password = "Test-password-2025", displayName = "审查员", role = "examiner", bodyCode = "4403" }),
        },
        // Applicant 1 is verified already (a 409 for those who may decide); Shanghai's administrator does not see a Shenzhen applicant.
        ["POST /api/v1/accounts/{id:guid}/verification"] = new("account:applicant1", "admin 409*, bodyAdmin.4403 409*, bodyAdmin.3100 404, others 403, anonymous 401")
        {
            Body = Json(new { evidence = "营业执照原件核验", decision = "verified" }),
        },
        ["GET /api/v1/accounts/"] = new("none", "admin 200*, bodyAdmins 200*, others 403, anonymous 401"),
        // A Shenzhen examiner's account: the national administrator and Shenzhen's act on it (the second finds it done: 409);
        // Shanghai's administrator does not see it (404). Nobody acts on their own account (AccountAdministrationTests).
        ["PUT /api/v1/accounts/{id:guid}/role"] = new("account:staff4403", "admin 200*, bodyAdmin.4403 409*, bodyAdmin.3100 404, others 403, anonymous 401")
        {
            Body = Json(new { role = "administrator", bodyCode = "4403", reason = "矩阵测试 authorization matrix" }),
        },
        ["POST /api/v1/accounts/{id:guid}/disable"] = new("account:staff4403", "admin 200*, bodyAdmin.4403 409*, bodyAdmin.3100 404, others 403, anonymous 401") { Body = Reason },
        ["POST /api/v1/accounts/{id:guid}/enable"] = new("account:staff4403", "admin 200*, bodyAdmin.4403 409*, bodyAdmin.3100 404, others 403, anonymous 401") { Body = Reason },

        // The applicant's side. The demo's draft is incomplete, so its own applicant's submission is a 400.
        ["POST /api/v1/applications/"] = new("none", "applicants 201*, others 403, anonymous 401")
        {
            Body = Json(new { bodyCode = "4403", content = new { dataObject = new { dataName = "矩阵测试草稿" } } }),
        },
        ["GET /api/v1/applications/"] = new("none", Signed),
        ["GET /api/v1/applications/{id:guid}"] = new("objected1", "applicant1 200*, examiner.4403 200*, admin 200*, bodyAdmin.4403 200*, others 404, anonymous 401"),
        ["GET /api/v1/applications/{id:guid}/acts"] = new("objected1", "applicant1 200*, examiner.4403 200*, admin 200*, bodyAdmin.4403 200*, others 404, anonymous 401"),
        ["PUT /api/v1/applications/{id:guid}/content"] = new("correction1", "applicant1 200*, applicants 404, others 403, anonymous 401")
        {
            Body = Json(new { content = c.CorrectionContent }),
        },
        ["POST /api/v1/applications/{id:guid}/submit"] = new("draft1", "applicant1 400*, applicants 404, others 403, anonymous 401"),
        // Applicant 2 is of another organisation: the rightful call is refused for its field.
        ["POST /api/v1/applications/{id:guid}/handover"] = new("draft1", "applicant1 400*, applicants 404, others 403, anonymous 401")
        {
            Body = Json(new { colleagueEmail = "applicant2@demo.dataip.cn" }),
        },
        ["POST /api/v1/applications/{id:guid}/attachments/"] = new("correction1", "applicant1 201*, applicants 404, others 403, anonymous 401")
        {
            Query = "kind=proofOfSource",
            Body = Form(new Dictionary<string, string>(), ("file", "来源证明.pdf", "%PDF-1.4\n%matrix\n"u8.ToArray())),
        },
        ["GET /api/v1/applications/{id:guid}/attachments/"] = new("correction1", "applicant1 200*, examiner.4403 200*, admin 200*, bodyAdmin.4403 200*, others 404, anonymous 401"),
        ["GET /api/v1/applications/{id:guid}/attachments/{attachmentId:guid}"] = new("attachment:correction1",
            "applicant1 200*, examiner.4403 200*, admin 200*, bodyAdmin.4403 200*, others 404, anonymous 401"),

        // Examination: an examiner of another body does not see an application before its notice (404), and may not act on one after (403).
        ["POST /api/v1/applications/{id:guid}/examination/start"] = new("submitted2", "examiner.4400 200*, examiners 404, others 403, anonymous 401"),
        ["POST /api/v1/applications/{id:guid}/examination/request-correction"] = new("formal3", "examiner.3100 200*, examiners 404, others 403, anonymous 401") { Body = Reason },
        ["POST /api/v1/applications/{id:guid}/examination/pass"] = new("substantive3", "examiner.3100 200*, examiners 404, others 403, anonymous 401") { Body = Reason },
        // Awaiting correction, it cannot be rejected now (409).
        ["POST /api/v1/applications/{id:guid}/examination/reject"] = new("correction1", "examiner.4403 409*, examiners 404, others 403, anonymous 401") { Body = Reason },
        // Its notice period has not ended (409).
        ["POST /api/v1/applications/{id:guid}/register"] = new("notice2", "examiner.4400 409*, examiners 403, others 403, anonymous 401"),
        ["POST /api/v1/applications/{id:guid}/certificates/reissue"] = new("renewed1", "examiner.4403 200*, examiners 403, others 403, anonymous 401") { Body = Reason },
        ["GET /api/v1/applications/{id:guid}/objections"] = new("objected1", "examiner.4403 200*, examiners 404, others 403, anonymous 401"),
        ["GET /api/v1/applications/{id:guid}/evidence/overlaps"] = new("notice2", "examiner.4400 200*, examiners 404, others 403, anonymous 401"),
        ["POST /api/v1/objections/{objectionId:guid}/dismiss"] = new("objection:objected1", "examiner.4403 200*, examiners 403, others 403, anonymous 401") { Body = Reason },
        // After the dismissal above the application is under notice again: nothing to uphold (409).
        ["POST /api/v1/objections/{objectionId:guid}/uphold"] = new("objection:objected1", "examiner.4403 409*, examiners 403, others 403, anonymous 401") { Body = Reason },

        // The public register: anyone. An objection to an application not under notice: its parties learn the state (409), anyone else nothing (404).
        ["GET /api/v1/notices/"] = new("none", Anyone),
        ["GET /api/v1/search"] = new("none", Anyone),
        ["GET /api/v1/notices/{applicationNumber}"] = new("notice2", Anyone),
        ["POST /api/v1/notices/{applicationNumber}/objections"] = new("submitted2", "applicant2 409*, examiner.4400 409*, others 404")
        {
            Body = Form(new Dictionary<string, string> { ["objectorName"] = "赵六", ["objectorContact"] = "zhao@example.cn", ["grounds"] = "权属存在争议。" },
                ("files", "证据.pdf", "%PDF-1.4\n%evidence\n"u8.ToArray())),
        },
        ["GET /api/v1/registrations/{registrationNumber}"] = new("pledged1", Anyone),
        ["GET /api/v1/statistics"] = new("none", Anyone),
        ["GET /statistics/{table}.csv"] = new("statistics:months", Anyone),
        ["GET /api/v1/registrations/{registrationNumber}/status"] = new("pledged1", Anyone),
        ["POST /api/v1/registrations/{registrationNumber}/evidence/check"] = new("pledged1", Anyone)
        {
            Body = _ => new StringContent(c.Values["proof"], System.Text.Encoding.UTF8, "application/json"),
        },
        ["GET /api/v1/certificates/{certificateNumber}/"] = new("pledged1", Anyone),
        ["GET /api/v1/certificates/{certificateNumber}/status"] = new("pledged1", Anyone),
        ["GET /api/v1/certificates/{certificateNumber}/pdf"] = new("pledged1", Anyone),
        ["GET /api/v1/certificates/{certificateNumber}/credential"] = new("pledged1", Anyone),
        ["GET /.well-known/did.json"] = new("none", Anyone),

        // Bodies and calendars: read by anyone, changed by administrators (a body administrator its own body's policy only).
        ["GET /api/v1/bodies/"] = new("none", Anyone),
        ["GET /api/v1/bodies/{code}"] = new("body:4403", Anyone),
        ["POST /api/v1/bodies/"] = new("none", "admin 201*, others 403, anonymous 401")
        {
            Body = Json(new { regionCode = "659001", name = "矩阵测试登记机构", nameEn = "Matrix test body" }),
        },
        ["PUT /api/v1/bodies/{code}/policy"] = new("body:4403", "admin 200*, bodyAdmin.4403 200*, others 403, anonymous 401") { Body = Json(c.Policy4403) },
        // Pilot-era certificates (docs/import.md): the body's administrator or a national one; the second run finds the row imported (200, nothing twice).
        ["POST /api/v1/bodies/{code}/imports"] = new("body:4403", "admin 200*, bodyAdmin.4403 200*, others 403, anonymous 401")
        {
            Body = _ => new StringContent("pilot_certificate_number,registration_date,valid_until,data_name,holder_name,holder_code,industry_code\r\n"
                + $"SZ-MATRIX-1,2024-03-01,2027-02-28,矩阵测试导入数据,矩阵测试有限公司,{Infrastructure.TestContent.CreditCode},I65\r\n", System.Text.Encoding.UTF8, "text/csv"),
        },
        ["GET /api/v1/calendars/"] = new("none", Anyone),
        ["GET /api/v1/calendars/{year:int}"] = new("calendar:2025", Anyone),
        ["PUT /api/v1/calendars/{year:int}"] = new("calendar:2040", "admin 200*, others 403, anonymous 401")
        {
            Body = Json(new { source = "国务院办公厅关于2040年部分节假日安排的通知（矩阵测试）", days = Array.Empty<object>() }),
        },

        // The transparency log and the witness: anyone. This node witnesses no log, its own included (404).
        ["GET /api/v1/events"] = new("none", Anyone),
        ["GET /log/checkpoint"] = new("none", Anyone),
        ["GET /log/keys"] = new("none", Anyone),
        ["GET /log/tile/{**path}"] = new("log", Anyone),
        ["GET /api/v1/log/proofs/inclusion"] = new("none", Anyone) { Query = $"index=0&size={c.Values["logSize"]}" },
        ["GET /api/v1/log/proofs/consistency"] = new("none", Anyone) { Query = $"from=1&to={c.Values["logSize"]}" },
        ["GET /api/v1/log/entries/{index:long}"] = new("log", Anyone),
        ["GET /api/v1/log/entries/{index:long}/proof"] = new("log", Anyone),
        // The open data: the public register and its catalogue, for anyone.
        ["GET /api/v1/open-data/registrations.csv"] = new("none", Anyone),
        ["GET /api/v1/open-data/registrations.jsonl"] = new("none", Anyone),
        ["GET /api/v1/open-data/catalog"] = new("none", Anyone),
        ["GET /log/witness-key"] = new("none", Anyone),
        ["POST /log/add-checkpoint"] = new("none", "others 404*") { Body = Text("old 0\n\n" + c.Values["checkpoint"]) },

        // Notifications and webhooks: each account's own; anyone else's is a 404.
        ["GET /api/v1/notifications/"] = new("none", Signed),
        ["POST /api/v1/notifications/{id:guid}/read"] = new("notification:applicant1", "applicant1 200*, others 404, anonymous 401"),
        ["POST /api/v1/webhooks/"] = new("none", "others 201*, anonymous 401")
        {
            Body = JsonOf(who => new { url = $"http://example.cn/hooks/{who}", description = who }),
        },
        ["GET /api/v1/webhooks/"] = new("none", Signed),
        ["GET /api/v1/webhooks/{id:guid}"] = new("webhook:bank", "bank 200*, others 404, anonymous 401"),
        ["GET /api/v1/webhooks/{id:guid}/deliveries"] = new("webhook:bank", "bank 200*, others 404, anonymous 401"),
        ["POST /api/v1/webhooks/{id:guid}/deliveries/{deliveryId:long}/replay"] = new("webhook:bank", "bank 202*, others 404, anonymous 401"),
        ["POST /api/v1/webhooks/{id:guid}/replay"] = new("webhook:bank", "bank 202*, others 404, anonymous 401"),

        // The register of rights, on applicant 1's registration pledged to the bank (pledge P001 registered, a second filed by the holder).
        ["GET /api/v1/registrations/{registrationNumber}/rights"] = new("pledged1",
            "applicant1 200*, examiner.4403 200*, admin 200*, bodyAdmin.4403 200*, bank 200*, others 404, anonymous 401"),
        ["POST /api/v1/registrations/{registrationNumber}/licences"] = new("pledged1", "applicant1 201*, others 403, anonymous 401")
        {
            Body = Json(new Rights.RightsTests.LicenceBody("矩阵测试被许可有限公司", "nonExclusive", ["holding"], "内部研究使用", "中国大陆", "2025-10-01", "2026-09-30", false)),
        },
        // Any bank may file a pledge naming itself: the second bank is refused only because the body names the demo bank (400).
        ["POST /api/v1/registrations/{registrationNumber}/pledges"] = new("pledged1", "applicant1 202*, bank 202*, bank2 400*, others 403, anonymous 401")
        {
            Body = Json(MatrixCase.Pledge(c.Values["bank"], "MATRIX-ZY-0003")),
        },
        // Filed by the holder: the bank confirms, the holder may not (409).
        ["POST /api/v1/registrations/{registrationNumber}/pledges/{pledgeNumber}/confirm"] = new("pledge:pledged1:filed", "bank 200*, applicant1 409*, others 403, anonymous 401"),
        ["POST /api/v1/registrations/{registrationNumber}/pledges/{pledgeNumber}/consents"] = new("pledge:pledged1:registered", "bank 201*, others 403, anonymous 401")
        {
            Body = Json(new { purpose = "transfer", reference = "MATRIX" }),
        },
        // The pledgee releases; the body's examiner only on a court order, which a JSON body lacks (400); the holder never.
        ["POST /api/v1/registrations/{registrationNumber}/pledges/{pledgeNumber}/release"] = new("pledge:pledged1:registered",
            "bank 200*, examiner.4403 400*, others 403, anonymous 401")
        { Body = Reason },
        ["POST /api/v1/registrations/{registrationNumber}/transfers"] = new("renewed1", "applicant1 202*, others 403, anonymous 401")
        {
            Body = Json(new { transfereeAccountId = c.Values["applicant3"], reason = "矩阵测试转让" }),
        },
        // A change request awaits the examiner already (409).
        ["POST /api/v1/registrations/{registrationNumber}/changes"] = new("pledged1", "applicant1 409*, others 403, anonymous 401")
        {
            Body = Json(new { dataName = "深圳市城市交通流量数据集（更名）", reason = "更名" }),
        },
        ["POST /api/v1/registrations/{registrationNumber}/changes/{changeId:guid}/approve"] = new("change:pledged1", "examiner.4403 200*, examiners 403, others 403, anonymous 401") { Body = Reason },
        // Approved above: nothing left to refuse (409).
        ["POST /api/v1/registrations/{registrationNumber}/changes/{changeId:guid}/refuse"] = new("change:pledged1", "examiner.4403 409*, examiners 403, others 403, anonymous 401") { Body = Reason },
        // Its renewal window opens in about two years (409).
        ["POST /api/v1/registrations/{registrationNumber}/renewal"] = new("pledged1", "applicant1 409*, others 403, anonymous 401"),
        // The pledge the bank confirmed above needs its consent to a cancellation (409).
        ["POST /api/v1/registrations/{registrationNumber}/cancellation"] = new("pledged1", "applicant1 409*, others 403, anonymous 401") { Body = Reason },

        // Acts that end a case or hand it over: last, so that the lines above still find it open.
        ["POST /api/v1/applications/{id:guid}/resubmit"] = new("correction1", "applicant1 200*, applicants 404, others 403, anonymous 401") { Body = Reason },
        ["POST /api/v1/applications/{id:guid}/withdraw"] = new("objected1", "applicant1 200*, others 403, anonymous 401") { Body = Reason },
        ["POST /api/v1/applications/{id:guid}/revoke"] = new("transferred4", "examiner.4400 200*, examiners 403, others 403, anonymous 401") { Body = Reason },
        ["POST /api/v1/registrations/{registrationNumber}/transfers/{transferNumber}/accept"] = new("transfer:renewed1", "applicant4 200*, others 403, anonymous 401"),
        // Accepted above: neither side can decline it now (409).
        ["POST /api/v1/registrations/{registrationNumber}/transfers/{transferNumber}/decline"] = new("transfer:renewed1",
            "applicant4 409*, applicant1 409*, others 403, anonymous 401")
        { Body = Reason },
        ["DELETE /api/v1/webhooks/{id:guid}"] = new("webhook:bank", "bank 204*, others 404, anonymous 401"),

        // Pages, with each identity's page sign-in (a cookie): a protected page sends the anonymous visitor to sign in (302).
        ["PAGE "] = new("none", Anyone),
        ["PAGE Index"] = new("none", Anyone),
        ["PAGE notices"] = new("none", Anyone),
        ["PAGE search"] = new("none", Anyone),
        ["PAGE notices/{applicationNumber}"] = new("notice2", Anyone),
        ["PAGE notices/{applicationNumber}/objection-filed"] = new("notice2", Anyone),
        ["PAGE statistics"] = new("none", Anyone),
        ["PAGE verify/{certificateNumber?}"] = new("pledged1", Anyone),
        // A bank has no applications: the page sends it to the access-denied page (302) rather than list nothing.
        ["PAGE applications"] = new("none", "others 200*, banks 302, anonymous 302"),
        // An application's page: its applicant and its body's staff; to anyone else it does not exist (404), as in the API.
        ["PAGE applications/{id:guid}"] = new("objected1", "applicant1 200*, examiner.4403 200*, admin 200*, bodyAdmin.4403 200*, others 404, anonymous 302"),
        ["PAGE applications/{id:guid}/attachments/{attachmentId:guid}"] = new("attachment:correction1",
            "applicant1 200*, examiner.4403 200*, admin 200*, bodyAdmin.4403 200*, others 404, anonymous 302"),
        ["PAGE applications/{id:guid}/done/{actId:guid}"] = new("act:objected1",
            "applicant1 200*, examiner.4403 200*, admin 200*, bodyAdmin.4403 200*, others 404, anonymous 302"),
        // The applicant's application as a task list (Pages/Drafts): only applicants start one (others are sent to the
        // access-denied page); a draft's pages are its applicant's own: to anyone else it does not exist (404).
        ["PAGE applications/new"] = new("none", "applicants 200*, others 302, anonymous 302"),
        ["PAGE applications/{id:guid}/draft"] = new("draft1", "applicant1 200*, others 404, anonymous 302"),
        // A hand-over's confirmation is its giver's alone (the application is no longer theirs to read).
        ["PAGE applications/handed-over/{actId:guid}"] = new("act:handover", "applicant1 200*, others 404, anonymous 302"),
        ["PAGE applications/{id:guid}/draft/check"] = new("draft1", "applicant1 200*, others 404, anonymous 302"),
        ["PAGE applications/{id:guid}/draft/{section}"] = new("section:draft1", "applicant1 200*, others 404, anonymous 302"),
        // A registration's record is public; its parties see more of it (the register of rights), and its acts' confirmations are theirs.
        ["PAGE registrations/{registrationNumber}"] = new("pledged1", Anyone),
        ["PAGE registrations/{registrationNumber}/done/{actId:guid}"] = new("act:pledged1",
            "applicant1 200*, examiner.4403 200*, admin 200*, bodyAdmin.4403 200*, bank 200*, others 404, anonymous 302"),
        // An applicant's own registrations; any other role is sent to the access-denied page.
        ["PAGE registrations"] = new("none", "applicants 200*, others 302, anonymous 302"),
        // The bank's desk: a pledgee's (any bank; each sees its own work); anyone else is sent to the access-denied page.
        ["PAGE bank"] = new("none", "banks 200*, others 302, anonymous 302"),
        ["PAGE bank/done/{actId:guid}"] = new("act:bank", "bank 200*, others 404, anonymous 302"),
        // Notifications: every signed-in account its own.
        ["PAGE notifications"] = new("none", "others 200*, anonymous 302"),
        ["PAGE notifications/webhooks"] = new("none", "others 200*, anonymous 302"),
        // The administrator's pages: administrators (the calendar: national ones; a body's policy: its administrator or a national one);
        // anyone else is sent to the access-denied page or to sign in (302). A confirmation: only the act's own administrator's.
        ["PAGE admin"] = new("none", "admin 200*, bodyAdmins 200*, others 302"),
        ["PAGE admin/bodies"] = new("none", "admin 200*, bodyAdmins 200*, others 302"),
        ["PAGE admin/bodies/{code}"] = new("body:4403", "admin 200*, bodyAdmin.4403 200*, others 302"),
        ["PAGE admin/calendars"] = new("none", "admin 200*, others 302"),
        ["PAGE admin/imports"] = new("none", "admin 200*, bodyAdmins 200*, others 302"),
        // The confirmation names its body in the query; without one there is nothing to confirm.
        ["PAGE admin/imports/done"] = new("none", "admin 404*, bodyAdmins 404*, others 302"),
        ["PAGE admin/done/{actId:guid}"] = new("act:admin", "admin 200*, bodyAdmins 404, others 302"),
        // The accounts an administrator administers: a body administrator its body's staff (Shanghai's does not see Shenzhen's examiner: 404).
        ["PAGE admin/accounts"] = new("none", "admin 200*, bodyAdmins 200*, others 302"),
        ["PAGE admin/accounts/new"] = new("none", "admin 200*, bodyAdmins 200*, others 302"),
        ["PAGE admin/accounts/{id:guid}"] = new("account:staff4403", "admin 200*, bodyAdmin.4403 200*, bodyAdmin.3100 404, others 302"),
        ["PAGE log"] = new("none", Anyone),
        ["PAGE open-data"] = new("none", Anyone),
        ["PAGE account/sign-in"] = new("none", Anyone),
        // Signing out is a POST (with its antiforgery token) for anyone; the page telling someone it was refused is open to anyone.
        ["PAGE account/sign-out"] = new("none", "others 405*"),
        ["PAGE account/access-denied"] = new("none", "others 403*"),
        ["PAGE error/{code:int?}"] = new("none", "others 404*"),
    };
}
