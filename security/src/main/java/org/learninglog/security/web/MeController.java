package org.learninglog.security.web;

import org.learninglog.security.CurrentMember;
import org.learninglog.security.Member;
import org.learninglog.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Who is signed in: the web UI shows each member only what they may use. */
@RestController
public class MeController {

    @GetMapping("/api/me")
    Me me() {
        Member member = CurrentMember.get();
        return new Me(member.id(), member.programmeId(), member.roles(), member.placeIds());
    }

    record Me(String id, String programmeId, Set<Role> roles, Set<String> placeIds) {
    }
}
