using DataIp.Domain.Registration;
using DataIp.Web.Features.Applications;
using DataIp.Web.Features.Rights;

namespace DataIp.Web.Demo;

/// <summary>Steps the demo seeder repeats: submit a complete application, examine and publish, object.</summary>
internal sealed partial class DemoSeeder
{
    /// <summary>The demo's acts, through the real services on the demo clock.</summary>
    /// <param name="seeder">The seeder.</param>
    /// <param name="clock">The demo clock the services act on.</param>
    /// <param name="lifecycle">The lifecycle acts.</param>
    /// <param name="drafts">The drafts.</param>
    /// <param name="historyEnds">
    /// The latest instant a past history may be dated (a little before the real now, where the
    /// applications in progress today begin); <see cref="AtAsync"/> skips acts dated later.
    /// </param>
    /// <param name="cancellation">Cancellation.</param>
    private sealed class DemoFlow(
        DemoSeeder seeder, DemoClock clock, LifecycleService lifecycle, DraftService drafts, DateTimeOffset historyEnds, CancellationToken cancellation)
    {
        private int _datasets;

        public LifecycleService Lifecycle => lifecycle;

        /// <summary>The register of rights, acting on the demo clock as the API would.</summary>
        public RightsService Rights { get; } = new(seeder.Database, lifecycle);

        public Task<ActingParty> PartyAsync(string email) => seeder.PartyAsync(email);

        public DraftService Drafts => drafts;

        public CancellationToken Cancellation => cancellation;

        public Task<ActingParty> ApplicantAsync(int index) => seeder.PartyAsync(Applicants[index].Email);

        public Task<ActingParty> ExaminerAsync(string bodyCode) => seeder.PartyAsync(ExaminerEmail(bodyCode));

        /// <summary>Submits a complete application for a new demo dataset; with <paramref name="reuses"/>,
        /// the dataset repeats most of that earlier one's rows (an overlap for the examiner).</summary>
        public async Task<Guid> SubmittedAsync(int applicant, string bodyCode, string dataName, string industryCode, DateTimeOffset at, string? reuses = null)
        {
            clock.Set(at);
            var party = await ApplicantAsync(applicant).ConfigureAwait(false);
            var fingerprint = seeder.Datasets.Write(++_datasets, dataName, at.AddDays(-1), reuses, reuses is null ? 0 : DemoDatasets.Rows * 3 / 4);
            var content = DemoContent.Build(Applicants[applicant], dataName, industryCode, DataSourceType.SelfGenerated, fingerprint);
            var draft = await MustAsync(drafts.CreateAsync(party, bodyCode, content, cancellation)).ConfigureAwait(false);
            await MustAsync(lifecycle.SubmitAsync(draft.Application!.Id, party, cancellation)).ConfigureAwait(false);
            return draft.Application.Id;
        }

        /// <summary>Starts, passes every examination due, and so publishes the notice.</summary>
        public async Task<bool> ExamineAndPublishAsync(Guid id, DateTimeOffset at, bool mustSucceed = true)
        {
            clock.Set(at);
            var app = await seeder.Database.Applications.FindAsync([id], cancellation).ConfigureAwait(false);
            var bodyCode = (await seeder.Database.Bodies.FindAsync([app!.BodyId], cancellation).ConfigureAwait(false))!.Code;
            var examiner = await ExaminerAsync(bodyCode).ConfigureAwait(false);
            await MustAsync(lifecycle.StartExaminationAsync(id, examiner, cancellation)).ConfigureAwait(false);
            while (true)
            {
                var outcome = await lifecycle.PassAsync(id, examiner, "形式审查通过。Formal requirements met.", cancellation).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    if (mustSucceed)
                    {
                        throw new InvalidOperationException($"Demo: couldn't pass examination: {outcome.Detail}");
                    }

                    seeder.Logger.LogWarning("Demo: left application {Id} in examination: {Detail}", id, outcome.Detail);
                    return false;
                }

                if (outcome.Application!.State == ApplicationState.PublicNotice)
                {
                    return true;
                }
            }
        }

        public async Task<Guid> ObjectAsync(Guid id, DateTimeOffset at)
        {
            clock.Set(at);
            await MustAsync(lifecycle.FileObjectionAsync(id, ActingParty.Anonymous("赵六"), new ObjectionFiling(
                "赵六", "zhao.liu@example.cn", "该数据集的部分数据来源于本人公司，权属存在争议。Part of the data comes from my company; ownership is disputed."),
                [], cancellation)).ConfigureAwait(false);
            return seeder.Database.Objections.Local.Single(o => o.ApplicationId == id && o.Status == DataIp.Domain.Registration.ObjectionStatus.Open).Id;
        }

        /// <summary>
        /// Sets the demo clock to <paramref name="at"/> and carries out the act, which must succeed;
        /// returns false, with a warning, without acting when <paramref name="at"/> is later than the
        /// history may be dated (the demo never dates an act after the real now). Acts come in time
        /// order, so once one is skipped every later one is too.
        /// </summary>
        public async Task<bool> AtAsync(DateTimeOffset at, Func<Task<ActOutcome>> act)
        {
            if (at > historyEnds)
            {
                seeder.Logger.LogWarning("Demo: skipped an act dated {At}, after the demo's history ends ({End}).", at, historyEnds);
                return false;
            }

            clock.Set(at);
            await MustAsync(act()).ConfigureAwait(false);
            return true;
        }

        public static async Task<ActOutcome> MustAsync(Task<ActOutcome> act)
        {
            var outcome = await act.ConfigureAwait(false);
            return outcome.Succeeded ? outcome : throw new InvalidOperationException($"Demo: an act was refused: {outcome.Detail}");
        }

        public async Task TryAsync(Task<ActOutcome> act)
        {
            var outcome = await act.ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                seeder.Logger.LogWarning("Demo: an act was skipped: {Detail}", outcome.Detail);
            }
        }
    }
}
