namespace DataIp.Web.Features.Acts;

/// <summary>What became of an attempted act: done, with the application after it and the act stored, or refused.</summary>
public sealed record ActOutcome
{
    private ActOutcome(ApplicationRecord? application, Act? act, Refusal? refusal)
    {
        Application = application;
        Act = act;
        Refusal = refusal;
    }

    /// <summary>The application after the act.</summary>
    public ApplicationRecord? Application { get; }

    /// <summary>The act stored.</summary>
    public Act? Act { get; }

    /// <summary>Why the act was refused; null when it was done.</summary>
    public Refusal? Refusal { get; }

    /// <summary>Whether the act was done.</summary>
    public bool Succeeded => Refusal is null;

    /// <summary>The refusal's sentence, for logs.</summary>
    public string? Detail => Refusal?.Detail;

    /// <summary>The act was stored.</summary>
    public static ActOutcome Done(ApplicationRecord application, Act act) => new(application, act, null);

    /// <summary>The act was refused; nothing was written.</summary>
    public static ActOutcome Refused(Refusal refusal) => new(null, null, refusal);

    /// <summary>A refusal is an outcome.</summary>
    public static implicit operator ActOutcome(Refusal refusal) => Refused(refusal);
}
