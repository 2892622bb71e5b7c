namespace DataIp.Domain.Registration;

/// <summary>
/// The "three rights" of the 2022 Data 20 Articles (数据二十条), the rights a data-IP registration
/// can record.
/// </summary>
public enum DataRight
{
    /// <summary>Data resource holding right (数据资源持有权).</summary>
    Holding = 1,

    /// <summary>Data processing and use right (数据加工使用权).</summary>
    ProcessingAndUse = 2,

    /// <summary>Data product operation right (数据产品经营权).</summary>
    ProductOperation = 3,
}
