namespace DataIp.Domain.Registration;

/// <summary>Status of an objection.</summary>
public enum ObjectionStatus
{
    /// <summary>Filed and not yet ruled on.</summary>
    Open,

    /// <summary>Upheld: the application is rejected.</summary>
    Upheld,

    /// <summary>Dismissed: the notice period continues.</summary>
    Dismissed,
}
