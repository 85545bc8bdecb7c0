using System;

namespace EcsTools.Engine.Client;

/// <summary>
/// A hand-written reader of one operation's answer (see <see cref="Model.TaskAnswerReader"/>): throws a
/// <see cref="System.Text.Json.JsonException"/> for anything it does not expect, and the answer is then read with the
/// generated types.
/// </summary>
internal delegate T WireReader<T>(ReadOnlySpan<byte> json);
