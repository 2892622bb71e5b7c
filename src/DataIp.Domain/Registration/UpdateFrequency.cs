namespace DataIp.Domain.Registration;

/// <summary>How often the registered data is updated. Serialised by name, so values may be reordered.</summary>
public enum UpdateFrequency
{
    /// <summary>Continuously, as events happen (实时).</summary>
    RealTime = 1,

    /// <summary>Every day.</summary>
    Daily = 2,

    /// <summary>Every week.</summary>
    Weekly = 3,

    /// <summary>Every month.</summary>
    Monthly = 4,

    /// <summary>Every quarter.</summary>
    Quarterly = 5,

    /// <summary>Every year.</summary>
    Yearly = 6,

    /// <summary>At no fixed interval.</summary>
    Irregular = 7,

    /// <summary>Never: the data is a fixed collection.</summary>
    Static = 8,
}
