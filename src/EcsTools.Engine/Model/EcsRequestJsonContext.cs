using System.Text.Json.Serialization;

namespace EcsTools.Engine.Model;

/// <summary>
/// The requests of the first call of a session (RunTask, StartTask), written by System.Text.Json's source-generated fast
/// path only: no property metadata is built for their type graphs (the overrides, network and placement shapes), which
/// cost the first Start-EcsTask of a process ~15 ms. The same bytes as <see cref="EcsJsonContext"/> writes: nulls left
/// out, strings written as strings (what <see cref="LenientStringConverter"/> writes), the default encoder.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(RunTaskRequest))]
[JsonSerializable(typeof(StartTaskRequest))]
internal sealed partial class EcsRequestJsonContext : JsonSerializerContext
{
}
