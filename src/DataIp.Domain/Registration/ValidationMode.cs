namespace DataIp.Domain.Registration;

/// <summary>How strictly <see cref="ApplicationContentValidator"/> checks an application content.</summary>
public enum ValidationMode
{
    /// <summary>Saving a draft: only the fields present are checked, and only their form.</summary>
    Draft,

    /// <summary>Submitting: additionally every required field must be present and every rule met.</summary>
    Submission,
}
