using DataIp.Domain.Registration;

namespace DataIp.Domain.Acts;

/// <summary>
/// What an act records beyond who, when and why: one sealed record per act type, listed in
/// <see cref="ActCatalogue"/>. Every member says who may read it (<see cref="DisclosedAttribute"/>);
/// a member that is null is not recorded. Members are written and read as camelCase JSON
/// (<see cref="ActJson"/>), so their names are the log's field names.
/// </summary>
public abstract record ActPayload;

/// <summary>
/// An act of the lifecycle table: it moves an application from one state to another (or keeps it).
/// The members declared here (and a registration's and certificate's numbers below) are the
/// application's, so the act pipeline sets them after the act's effect; a use case supplies only
/// what is its own.
/// </summary>
public abstract record TransitionPayload : ActPayload
{
    /// <summary>The body's application number; absent for a draft.</summary>
    [Disclosed(Disclosure.Public)] public string? ApplicationNumber { get; init; }

    /// <summary>The registration body's code.</summary>
    [Disclosed(Disclosure.Public)] public string BodyCode { get; init; } = "";

    /// <summary>The data's name (after the act, for an approved change).</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public string? DataName { get; init; }

    /// <summary>The state before the act.</summary>
    [Disclosed(Disclosure.Public)] public ApplicationState FromState { get; init; }

    /// <summary>The state after the act.</summary>
    [Disclosed(Disclosure.Public)] public ApplicationState ToState { get; init; }
}

/// <summary>A transition that files or publishes the application's particulars.</summary>
public abstract record ParticularsPayload : TransitionPayload
{
    /// <summary>The applicant's name.</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public string? Holder { get; init; }

    /// <summary>The industry (GB/T 4754 division).</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public string? IndustryCode { get; init; }

    /// <summary>The data source type.</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public DataSourceType? DataSourceType { get; init; }

    /// <summary>The whole content as filed, which the digest proves later.</summary>
    [Disclosed(Disclosure.Parties)] public ApplicationContent? Content { get; init; }
}

/// <summary>A rights act on a registration.</summary>
public abstract record RegistrationPayload : TransitionPayload
{
    /// <summary>The registration's number.</summary>
    [Disclosed(Disclosure.Public)] public string RegistrationNumber { get; init; } = "";
}
