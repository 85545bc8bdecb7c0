using System;
using Amazon.Runtime;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// Where the credentials come from, without creating them: <see cref="Slot"/> names the source (which profile, which
/// access key id, the SDK chain), <see cref="Key"/> adds a digest of everything that can change under that name
/// (a rotated secret or session token, an edited profile).
/// </summary>
internal sealed record CredentialPlan(string Slot, string Key, string Source, Func<AWSCredentials> Create);
