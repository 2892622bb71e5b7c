using System.Reflection;
using System.Text.RegularExpressions;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Features.Acts;
using DataIp.Web.Pages;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// A refusal's words cannot drift: every key a refusal can name (the listed keys of
/// <see cref="RefusalKey"/> and its families: guards, actors, triggers, subjects, licence states) has its sentence in
/// both resource files with the same placeholders, the files hold no refusal sentence no key names,
/// each guard's English is the domain's own clause, a table's refusal worded for the API is the
/// domain's sentence, and the pages never show a refusal's English detail.
/// </summary>
public sealed partial class RefusalTextTests
{
    // The only places an English sentence written by another part (a domain validator) travels in a
    // refusal: the API says it, a page says the key given with it. A new one must be added here, on purpose.
    private static readonly string[] WordedIn =
    [
        "Accounts/AccountCreation.cs", "Acts/ActContext.cs", "Acts/ActPipeline.cs",
        "Calendar/CalendarEntry.cs", "Objections/FileObjection.cs",
        "Rights/Licences/RecordLicence.cs", "Rights/Pledges/FilePledge.cs", "Rights/Pledges/ReleasePledge.cs",
    ];

    [Fact]
    public void Keys_EachInBothLanguages_SamePlaceholders()
    {
        var chinese = Text.All(Text.Chinese);
        var english = Text.All(Text.English);

        var missing = AllKeys().Where(k => !chinese.ContainsKey(k) || !english.ContainsKey(k)).ToList();
        var differing = AllKeys().Where(k => chinese.ContainsKey(k) && english.ContainsKey(k) && !ResourceSentences.Placeholders(chinese[k]).SetEquals(ResourceSentences.Placeholders(english[k]))).ToList();

        Assert.True(AllKeys().Count > 150, $"only {AllKeys().Count} keys");
        Assert.Empty(missing);
        Assert.Empty(differing);
    }

    [Fact]
    public void ResourceFiles_NoRefusalSentenceWithoutItsKey()
    {
        var keys = AllKeys();

        var orphans = Text.All(Text.Chinese).Keys.Where(k => k.StartsWith("Refusal.", StringComparison.Ordinal) && !keys.Contains(k));

        Assert.Empty(orphans);
    }

    [Fact]
    public void ListedKeys_NamedAsTheirFields()
    {
        var fields = typeof(RefusalKey).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(RefusalKey)).ToList();

        Assert.True(fields.Count > 100, $"only {fields.Count} keys");
        Assert.All(fields, f => Assert.Equal(f.Name, ((RefusalKey)f.GetValue(null)!).Name));
    }

    [Fact]
    public void Guards_EnglishIsTheDomainsClause()
    {
        Assert.All(Enum.GetValues<GuardCode>(), code =>
            Assert.Equal(GuardFailure.Template(code), Text.Get(RefusalKey.Guard(code).ResourceKey, Text.English)));
    }

    // Every refusal of the lifecycle table for want of a relation: the API's sentence, made from the
    // structured reason with the English resource file, is the domain's own, byte for byte.
    [Fact]
    public void LifecycleRefusal_ActorNotPermitted_WordedForTheApiAsTheDomainSaysIt()
    {
        var context = new TransitionContext(DateTimeOffset.UnixEpoch, false, null, null, 0);
        var refused = Domain.Registration.Lifecycle.Rules
            .Select(rule => (rule, others: Enum.GetValues<Actor>().Where(a => !rule.Actors.Contains(a)).ToHashSet()))
            .Where(x => x.others.Count > 0)
            .Select(x => Domain.Registration.Lifecycle.Decide(x.rule.From, x.rule.Trigger, x.others, context))
            .ToList();

        Assert.NotEmpty(refused);
        Assert.All(refused, r =>
        {
            Assert.Equal(RefusalKind.ActorNotPermitted, r.Refusal);
            var refusal = Refusal.From(r.Why!, r.Reason!);
            Assert.Equal(r.Reason, RefusalText.ForApi(refusal.Message));
            Assert.Equal(r.Reason, refusal.Detail);
        });
    }

    // Every refusal a table can give, worded for a page in each language: a sentence, no English
    // member names left in the Chinese one.
    [Fact]
    public void TableRefusals_WordedInEachLanguage()
    {
        var context = new TransitionContext(DateTimeOffset.UnixEpoch, false, null, null, 0);
        var reasons = Enum.GetValues<ApplicationState>()
            .SelectMany(s => Enum.GetValues<LifecycleTrigger>().Select(t => Domain.Registration.Lifecycle.Decide(s, t, Enum.GetValues<Actor>().ToHashSet(), context)))
            .Where(r => !r.IsAllowed).Select(r => r.Why!)
            .Concat(RightsReasons(RightsTables.Pledges)).Concat(RightsReasons(RightsTables.Transfers))
            .Concat(RightsReasons(RightsTables.Changes)).Concat(RightsReasons(RightsTables.Licences))
            .ToList();

        Assert.Contains(reasons, r => r.Kind == RefusalKind.GuardFailed);
        Assert.Contains(reasons, r => r.Kind == RefusalKind.NotAllowedInState && r.Subject == "pledge" && r.State is not null);
        Assert.All(reasons, why =>
        {
            var message = Refusal.From(why, "x").Message;
            var chinese = ResourceSentences.InCulture(Text.Chinese, () => RefusalText.ForPage(message));
            var english = ResourceSentences.InCulture(Text.English, () => RefusalText.ForPage(message));
            Assert.DoesNotMatch(EnglishWord(), chinese);
            Assert.True(Labels.HasChinese(chinese), chinese);
            Assert.False(Labels.HasChinese(english), english);
        });
    }

    [Fact]
    public void EveryGuard_WordedInEachLanguage_WithItsFacts()
    {
        var instant = new DateTimeOffset(2026, 3, 5, 2, 30, 0, TimeSpan.Zero);
        var day = new DateOnly(2026, 3, 5);
        object[] Facts(GuardCode code) => ResourceSentences.Placeholders(GuardFailure.Template(code)).Count switch
        {
            0 => [],
            1 => code is GuardCode.ObjectionsOpen ? [2] : code is GuardCode.ConflictingLicence ? ["2025110000000016-L001"]
                : code is GuardCode.ValidityEnded or GuardCode.StillValid ? [day] : [instant],
            _ => [day, 30, day.AddDays(29)],
        };

        Assert.All(Enum.GetValues<GuardCode>(), code =>
        {
            var guard = new GuardFailure(code, Facts(code));
            var chinese = ResourceSentences.InCulture(Text.Chinese, () => RefusalText.ForPage(Refusal.Guard(guard)));
            var english = ResourceSentences.InCulture(Text.English, () => RefusalText.ForPage(Refusal.Guard(guard)));
            Assert.Equal(guard.ToString(), RefusalText.ForApi(Refusal.Guard(guard)));
            Assert.DoesNotMatch(EnglishWord(), chinese);
            Assert.DoesNotContain("2026-03-05", chinese, StringComparison.Ordinal);
            Assert.False(Labels.HasChinese(english), english);
        });
    }

    [Fact]
    public void Pages_NeverShowARefusalsEnglishDetail()
    {
        var pages = Path.Combine(PageTextTests.RepositoryRoot(), "src", "DataIp.Web", "Pages");

        var showing = Directory.EnumerateFiles(pages, "*.cs*", SearchOption.AllDirectories)
            .Where(f => DetailShown().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName);

        Assert.Empty(showing);
    }

    [Fact]
    public void WordedEnglish_OnlyWhereListed()
    {
        var features = Path.Combine(PageTextTests.RepositoryRoot(), "src", "DataIp.Web", "Features");

        var worded = Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("RefusalMessage.Worded(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(features, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(WordedIn.Order(StringComparer.Ordinal), worded);
    }

    // The resource keys a refusal can name: the listed ones and every member of each family.
    private static HashSet<string> AllKeys()
    {
        var listed = typeof(RefusalKey).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RefusalKey)).Select(f => ((RefusalKey)f.GetValue(null)!).ResourceKey);
        var subjects = new[] { RefusalReason.ApplicationSubject, RightsTables.Pledges.Subject, RightsTables.Transfers.Subject, RightsTables.Changes.Subject, RightsTables.Licences.Subject };
        return
        [
            .. listed,
            .. Enum.GetValues<GuardCode>().Select(c => RefusalKey.Guard(c).ResourceKey),
            .. Enum.GetValues<Actor>().Select(a => RefusalKey.Actor(a).ResourceKey),
            .. Enum.GetValues<LifecycleTrigger>().Select(t => RefusalKey.Trigger(t).ResourceKey),
            .. subjects.Select(s => RefusalKey.Subject(s).ResourceKey),
            .. Enum.GetValues<LicenceStatus>().Select(s => RefusalKey.LicenceStatus(s).ResourceKey),
        ];
    }

    // Every refusal of a rights table: each (state or none, trigger) by everyone, and by no one.
    private static IEnumerable<RefusalReason> RightsReasons<TState>(RightsTable<TState> table)
        where TState : struct, Enum
    {
        var states = Enum.GetValues<TState>().Select(s => (TState?)s).Prepend(null);
        var everyone = Enum.GetValues<Actor>().ToHashSet();
        var facts = new RightsContext { ChangePending = true, ConflictingLicence = "2025110000000016-L001" };
        return states.SelectMany(s => Enum.GetValues<LifecycleTrigger>().SelectMany(t => new[]
        {
            table.Decide(s, t, everyone, facts), table.Decide(s, t, new HashSet<Actor>(), facts),
        })).Where(d => !d.IsAllowed).Select(d => d.Why!);
    }

    // An English word of two letters or more (the Chinese sentences hold none: no enum names, no ISO days).
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();

    // A page that shows a refusal's English: its Detail, or its English field errors beside "Action.Refused".
    [GeneratedRegex(@"refusal\.Detail|Refusal\.Detail|""Action\.Refused""\)\s*\+\s*(?:string\.Join\(""\s*"",\s*)?(?:messages\)|errors\[key\]\)|m\))", RegexOptions.IgnoreCase)]
    private static partial Regex DetailShown();
}
