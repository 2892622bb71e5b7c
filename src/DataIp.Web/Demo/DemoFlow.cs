using DataIp.Web.Features.Examination;
using DataIp.Web.Features.Objections;

namespace DataIp.Web.Demo;

/// <summary>Steps the demo seeder repeats: submit a complete application, examine and publish, register, object.</summary>
internal sealed partial class DemoSeeder
{
    /// <summary>
    /// The demo's acts, through the real services on the demo clock. Every act must succeed and
    /// comes in time order, never after the real time: a refused act, or one dated before the act
    /// before it or after <paramref name="historyEnds"/>, is a defect of the demo and stops the
    /// seeding with what was being attempted (it is never skipped, which would leave the demo
    /// without a state the README promises).
    /// </summary>
    /// <param name="seeder">The seeder.</param>
    /// <param name="clock">The demo clock the services act on.</param>
    /// <param name="acts">The act pipeline, on the demo clock.</param>
    /// <param name="drafts">The drafts.</param>
    /// <param name="historyEnds">The real time at which the demo is seeded.</param>
    /// <param name="cancellation">Cancellation.</param>
    private sealed class DemoFlow(
        DemoSeeder seeder, DemoClock clock, ActPipeline acts, DraftService drafts, DateTimeOffset historyEnds, CancellationToken cancellation)
    {
        private const string Grounds = "该数据集的部分数据来源于本人公司，权属存在争议。Part of the data comes from my company; ownership is disputed.";

        private int _datasets;
        private DateTimeOffset _last = DateTimeOffset.MinValue;

        /// <summary>An act on an application, through the pipeline as the API carries it out.</summary>
        public Task<ActOutcome> Act(Guid id, ActingParty party, IActUseCase useCase, string? reason = null) =>
            acts.RunAsync(id, party, useCase, reason, cancellation);

        /// <summary>An act on a registration, through the pipeline as the API carries it out.</summary>
        public Task<ActOutcome> OnRegistration(string registrationNumber, ActingParty party, IActUseCase useCase, string? reason = null) =>
            acts.RunOnRegistrationAsync(registrationNumber, party, useCase, reason, cancellation);

        public Task<ActingParty> PartyAsync(string email) => seeder.PartyAsync(email);

        public CancellationToken Cancellation => cancellation;

        public Task<ActingParty> ApplicantAsync(int index) => seeder.PartyAsync(Applicants[index].Email);

        public Task<ActingParty> ExaminerAsync(string bodyCode) => seeder.PartyAsync(ExaminerEmail(bodyCode));

        /// <summary>The day of the latest act, in China.</summary>
        public DateOnly LastDay => Domain.Calendar.ChinaTime.ToChinaDate(_last);

        /// <summary>Sets the demo clock to <paramref name="at"/> and carries out the act, which must succeed.</summary>
        public async Task<ActOutcome> AtAsync(DateTimeOffset at, string what, Func<Task<ActOutcome>> act)
        {
            MoveTo(at, what);
            var outcome = await act().ConfigureAwait(false);
            return outcome.Succeeded ? outcome
                : throw new InvalidOperationException($"Demo: couldn't {what} on {at.ToOffset(Domain.Calendar.ChinaTime.Offset):yyyy-MM-dd HH:mm} (China time): {outcome.Detail}");
        }

        /// <summary>Creates a draft with the given content at <paramref name="at"/>.</summary>
        public Task<ActOutcome> DraftAsync(int applicant, string bodyCode, ApplicationContent content, DateTimeOffset at) =>
            AtAsync(at, $"create the draft '{content.DataObject?.DataName}'", async () =>
                await drafts.CreateAsync(await ApplicantAsync(applicant).ConfigureAwait(false), bodyCode, content, cancellation).ConfigureAwait(false));

        /// <summary>Hands an application to a colleague of the same organisation at <paramref name="at"/>.</summary>
        public Task<ActOutcome> HandOverAsync(Guid id, int applicant, DemoApplicant colleague, DateTimeOffset at, string reason) =>
            AtAsync(at, $"hand an application to {colleague.Email}", async () =>
                await drafts.HandOverAsync(id, await ApplicantAsync(applicant).ConfigureAwait(false), colleague.Email, reason, cancellation).ConfigureAwait(false));

        /// <summary>Submits a complete application for a new demo dataset; with <paramref name="reuses"/>,
        /// the dataset repeats most of that earlier one's rows (an overlap for the examiner).</summary>
        public async Task<Guid> SubmittedAsync(int applicant, string bodyCode, string dataName, string industryCode, DateTimeOffset at, string? reuses = null)
        {
            var fingerprint = seeder.Datasets.Write(++_datasets, dataName, at.AddDays(-1), reuses, reuses is null ? 0 : DemoDatasets.Rows * 3 / 4);
            var content = DemoContent.Build(Applicants[applicant], dataName, industryCode, DataSourceType.SelfGenerated, fingerprint);
            var draft = await DraftAsync(applicant, bodyCode, content, at).ConfigureAwait(false);
            var id = draft.Application!.Id;
            var party = await ApplicantAsync(applicant).ConfigureAwait(false);
            await AtAsync(at, $"submit '{dataName}'", () => Act(id, party, new Submit())).ConfigureAwait(false);
            return id;
        }

        /// <summary>Starts, passes every examination due, and so publishes the notice; returns the notice's last day.</summary>
        public async Task<DateOnly> ExamineAndPublishAsync(Guid id, DateTimeOffset at)
        {
            var examiner = await ExaminerOfAsync(id).ConfigureAwait(false);
            await AtAsync(at, "start an examination", () => Act(id, examiner, new StartExamination())).ConfigureAwait(false);
            while (true)
            {
                var outcome = await AtAsync(at, "pass an examination", () => Act(id, examiner, new PassExamination(), "审查通过。Requirements met.")).ConfigureAwait(false);
                if (outcome.Application!.State == ApplicationState.PublicNotice)
                {
                    return outcome.Application.NoticeLastDay!.Value;
                }
            }
        }

        /// <summary>The platform registers the application the morning after its notice's last day.</summary>
        public Task<ActOutcome> RegisterAfterNoticeAsync(Guid id, DateOnly noticeLastDay) =>
            AtAsync(DemoTimeline.At(noticeLastDay.AddDays(1), hour: 9), "register an application", () => Act(id, ActingParty.System, new Register()));

        /// <summary>Someone objects during the notice; returns the objection.</summary>
        public async Task<Guid> ObjectAsync(Guid id, DateTimeOffset at)
        {
            await AtAsync(at, "file an objection", () => Act(id, ActingParty.Anonymous("赵六"), new FileObjection(new ObjectionFiling(
                "赵六", "zhao.liu@example.cn", Grounds), []), Grounds)).ConfigureAwait(false);
            return seeder.Database.Objections.Local.Single(o => o.ApplicationId == id && o.Status == DataIp.Domain.Registration.ObjectionStatus.Open).Id;
        }

        /// <summary>The examiner of the application's body.</summary>
        public async Task<ActingParty> ExaminerOfAsync(Guid id)
        {
            var app = await seeder.Database.Applications.FindAsync([id], cancellation).ConfigureAwait(false);
            var body = await seeder.Database.Bodies.FindAsync([app!.BodyId], cancellation).ConfigureAwait(false);
            return await ExaminerAsync(body!.Code).ConfigureAwait(false);
        }

        private void MoveTo(DateTimeOffset at, string what)
        {
            if (at < _last || at > historyEnds)
            {
                throw new InvalidOperationException(
                    $"Demo: couldn't {what} at {at:o}: the demo's acts come in time order between {_last:o} and the real time {historyEnds:o}.");
            }

            _last = at;
            clock.Set(at);
        }
    }
}
