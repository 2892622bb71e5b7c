namespace DataIp.Domain.Rights;

/// <summary>The kinds of licence (许可方式) recorded in the register. Stored by name; never renumber.</summary>
public enum LicenceKind
{
    /// <summary>Exclusive (独占许可): only the licensee may exercise the licensed right, not even the holder.</summary>
    Exclusive,

    /// <summary>Sole (排他许可): the licensee and the holder may exercise it, nobody else may be licensed.</summary>
    Sole,

    /// <summary>Non-exclusive (普通许可): the holder may license others too.</summary>
    NonExclusive,
}
