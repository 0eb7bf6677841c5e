import{n as e}from"./dist-B5d9IcWF.js";var t,n,r,i,a,o,s,c,l,u,d,f,p=Symbol.for(`pv`),m={},h=[],g=/^m(i|n|o|s|text|space)$/,_=Array.isArray,v=h.slice,y=Object.assign;function b(e){e&&e.parentNode&&e.remove()}function x(e,t,n){var r,i,a,o={},s=arguments.length;for(a in t)a==`key`?r=t[a]:a==`ref`&&typeof e!=`function`?i=t[a]:o[a]=t[a];return s>2&&(o.children=s>3?v.call(arguments,2):n),C(e,o,r,i,null)}function S(e,t,n){var r,i,a,o=y({},e.props),s=arguments.length;for(a in t)a==`key`?r=t[a]:a==`ref`&&typeof e.type!=`function`?i=t[a]:o[a]=t[a];return s>2&&(o.children=s>3?v.call(arguments,2):n),C(e.type,o,r===void 0?e.key:r,i===void 0?e.ref:i,null)}function C(e,r,i,a,o){var s={type:e,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:p,__v:o||++n,__i:-1,__u:0};return!o&&t.vnode&&t.vnode(s),s}function w(e){return e.children}function T(e,t){this.props=e,this.context=t,this.__g=0}function E(e,t){if(t==null)return e.__&&E(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:E(e)}function D(e){var n,r=e.__v,i=r.__e,a=[],o=[],s=e.__P;s&&((n=y({constructor:p},r)).__v=r.__v+1,t.vnode&&t.vnode(n),ie(s,n,r,e.__n,s.namespaceURI,32&r.__u?[i]:null,a,i||E(r),32&r.__u,o),n.__v=r.__v,n.__.__k[n.__i]=n,se(a,n,o),r.__=r.__e=null,n.__e!=i&&O(n))}function O(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),O(e)}function k(e){(8&e.__g||(e.__g|=8,i.push(e),o++))&&a==t.debounceRendering||((a=t.debounceRendering)||queueMicrotask)(ee)}function ee(){try{for(var e,t=1;i.length;)i.length>t&&i.sort(s),e=i.shift(),t=i.length,8&e.__g&&D(e)}finally{(o=i.length)&&(a||queueMicrotask)(ee)}}function te(e,t,n,r,i,a,o,s,c,l,u){var d,f,p,g,_,v,y=r.__k||h,b=t.length;for(c=ne(n,t,y,c,b),d=0;d<b;d++)(p=n.__k[d])!=null&&(f=~p.__i&&y[p.__i]||m,p.__i=d,v=ie(e,p,f,i,a,o,s,c,l,u),g=p.__e,(f.ref!=p.ref||8&f.__u)&&(f.ref&&le(f.ref,null,p,f),p.ref&&u.push(p.ref,p.__c||g,p)),_||=g,4&p.__u?(c=A(p,c,e,!f.__v),f.__e&&(f.__e=null)):typeof p.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),p.__u&=-21);return n.__e=_,c}function ne(e,t,n,r,i){var a,o,s,c,l,u,d,f,m,h=n.length,g=h,v=0,y=0,b=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=b[a]=C(null,o):_(o)?o=b[a]=C(w,{children:o}):o.constructor===p&&o.__b?o=b[a]=C(o.type,o.props,o.key,o.ref,o.__v):b[a]=o,c=a+v,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=re(o,n,c,g))&&(g--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?v--:l==c+1?v++:l!=c&&(l>c?v--:v++,y=1)):(~l||(i>h?v--:i<h&&v++),typeof o.type!=`function`&&(o.__u|=4))):b[a]=null;if(y){for(u=[],d=[],a=0;a<i;a++)if((o=b[a])&&16&o.__u){for(v=0,f=u.length;v<f;)u[m=v+f>>1]<o.__i?v=m+1:f=m;u[v]=o.__i,d[a]=v+1}for(v=u.length;a--;)d[a]&&(d[a]==v?v--:b[a].__u|=4)}if(g)for(a=0;a<h;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=E(s)),ue(s,s));return r}function A(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=A(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=E(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t&&=t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function j(e,t){return t||=[],e!=null&&typeof e!=`boolean`&&(_(e)?e.some(function(e){j(e,t)}):t.push(e)),t}function re(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function M(e,t,n){n??=``,t[0]==`-`?e.setProperty(t,n):e[t]=n}function N(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||M(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||M(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||={})[t]=n,n&&r||(o=d[t]||(d[t]=P(t)),(e.__a||={})[t]=u,a=t!=(t=t.replace(l,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function P(e){return function(n){var r=this.__e;if(r){if(r=r[e],n[c]==null)n[c]=u++;else if(n[c]<this.__a[e])return;return r(t.event?t.event(n):n)}}}function ie(e,n,r,i,a,o,s,c,l,u){var d,f,m,g,v,x,S,C,D,O,k,ee,ne,A,j,re,M,N,P=n.type;if(n.constructor!==p)return null;128&r.__u&&(l=32&r.__u,d=r.__c.__z)&&(n.__u|=l,f=o=[],d.nodeType==8?c=ae(d,o):o.push(d),c=o[0]||c),(d=t.__b)&&d(n);e:if(typeof P==`function`){m=s.length;try{if(C=n.props,D=(d=P.prototype)&&d.render,O=(d=P.contextType)&&i[d.__c],k=d?O?O.props.value:d.__:i,(g=r.__c)?(n.__c=g,2&g.__g&&(g.__g|=1)):(D?n.__c=g=new P(C,k):(n.__c=g=new T(C,k),g.constructor=P,g.render=de),O&&O.sub(g),g.state||(g.state={}),g.__n=i,g.__g|=8,g.__h=[],g.__k=[]),D&&(g.__s||(g.__s=g.state),P.getDerivedStateFromProps&&(g.__s==g.state&&(g.__s=y({},g.__s)),y(g.__s,P.getDerivedStateFromProps(C,g.__s)))),v=g.props,x=g.state,g.__v=n,r.__c){if(C!==v&&D&&!P.getDerivedStateFromProps&&g.componentWillReceiveProps&&g.componentWillReceiveProps(C,k),n.__v==r.__v&&!(8&g.__g)||!(4&g.__g)&&g.shouldComponentUpdate&&!1===g.shouldComponentUpdate(C,g.__s,k)){n.__v!=r.__v&&(g.props=C,g.state=g.__s,g.__g&=-9),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),h.push.apply(g.__h,g.__k),g.__k=[],g.__h.length&&s.push(g),c=E(r);break e}g.componentWillUpdate&&g.componentWillUpdate(C,g.__s,k),D&&g.componentDidUpdate&&g.__h.push(function(){g.componentDidUpdate(v,x,S)})}else D&&!P.getDerivedStateFromProps&&g.componentWillMount&&g.componentWillMount(),D&&g.componentDidMount&&g.__h.push(g.componentDidMount);g.context=k,g.props=C,g.__P=e,g.__g&=-5,ee=t.__r,ne=D?25:0;do g.__g&=-9,ee&&ee(n),d=g.render(g.props,g.state=g.__s,g.context);while(8&g.__g&&++ne<25);D&&(h.push.apply(g.__h,g.__k),g.__k=[]),g.state=g.__s,g.getChildContext&&(i=y({},i,g.getChildContext())),D&&r.__c&&g.getSnapshotBeforeUpdate&&(S=g.getSnapshotBeforeUpdate(v,x)),A=d&&d.type===w&&d.key==null?d.props.children:d,C.__P&&(d=c,a=(e=C.__P).namespaceURI,l=o=null,r.props&&r.props.__P!=e&&(r.__k.some(function(e){e&&ue(e,e)}),r.__k=null),c=r.__k?E(r,0):null),c=te(e,_(A)?A:[A],n,r,i,a,o,s,c,l,u),C.__P&&(n.__e=null,c=d),n.__u&=-161,f&&f.some(b),g.__h.length&&s.push(g),1&g.__g&&(g.__g&=-4)}catch(e){if(s.length=m,n.__v=null,l||o){if(e&&e.then){if(n.__u|=128|l,o){for(~(M=o.indexOf(c||void 0))||(M=o.length);(N=o[M-1])&&N.nodeType==8;)M--;for(;M<o.length;M++)if(N=o[M]){if(o[M]=null,j){if(N==re)break}else{if(N.nodeType!=8)break;N.data.startsWith(`$s`)&&(re=ae(j=N))}}}if(!j){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;j=c}(d=ae(j=n.__c.__z||(n.__c.__z=j)))?(n.__e=j,c=d):n.__e=c,c&&=c.nextSibling}else o&&o.some(b)}else n.__e=r.__e;n.__k||=r.__k||[],e&&e.then||oe(n),t.__e(e,n,r)}}else c=n.__e=ce(r.__e,n,r,i,a,o,s,l,u,e);return(d=t.diffed)&&d(n),c}function ae(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function oe(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(oe))}function se(e,n,r){for(var i=0;i<r.length;)le(r[i++],r[i++],r[i++]);t.__c&&t.__c(n,e),e.some(function(n){try{e=n.__h,n.__h=[],e.some(function(e){e.call(n)})}catch(e){t.__e(e,n.__v)}})}function ce(e,n,r,i,a,o,s,c,l,u){var d,f,p,h,y,x,S,C,w=r.props||m,T=n.props,D=n.type;if(D==`svg`?a=`http://www.w3.org/2000/svg`:D==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||=`http://www.w3.org/1999/xhtml`,o){for(d=0;d<o.length;d++)if((y=o[d])&&(D?y.localName==D:y.nodeType==3)){e=y,o[d]=null;break}}if(!e){if(C=u.ownerDocument||document,!D)return C.createTextNode(T);e=C.createElementNS(a,D,T.is?T:u),c&&=(t.__m&&t.__m(n,o),!1),o=null}if(D){if(u=D==`template`&&e.content||e,o=D==`textarea`&&T.defaultValue!=null?null:o&&v.call(u.childNodes),!c&&o)for(w={},d=0;d<e.attributes.length;d++)w[(y=e.attributes[d]).name]=y.value;for(d in w)y=w[d],d==`dangerouslySetInnerHTML`?p=y:d==`children`||d in T||d==`value`&&`defaultValue`in T||d==`checked`&&`defaultChecked`in T||N(e,d,null,y,a);for(d in T)y=T[d],d==`children`?h=y:d==`dangerouslySetInnerHTML`?f=y:d==`value`?x=y:d==`checked`?S=y:c&&typeof y!=`function`||w[d]===y||N(e,d,y,w[d],a);f?(c||p&&(f.__html==p.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),n.__k=[]):(p&&(e.textContent=``),(D==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&g.test(D))&&(a=`http://www.w3.org/1999/xhtml`),te(u,_(h)?h:[h],n,r,i,a,o,s,o?o[0]:r.__k&&E(r,0),c,l),o&&o.some(b)),c&&D!=`textarea`||(d=`value`,D==`progress`&&x==null?e.removeAttribute(d):x==null||x===e[d]&&(D!=`progress`||x)||N(e,d,x,w[d],a),d=`checked`,S!=null&&S!=e[d]&&N(e,d,S,w[d],a))}else w===T||c&&e.data==T||(e.data=T);return e}function le(e,n,r,i){try{typeof e==`function`?n?n.__x=e(n)||1:(i&&=i.__c||i.__e)&&(n=i.__x)&&(i.__x=null,typeof n==`function`?n():e(null)):e.current=n}catch(e){t.__e(e,r)}}function ue(e,n,r){var i,a,o,s;if(t.unmount&&t.unmount(e),!(i=e.ref)||i.current&&i.current!=e.__e||le(i,null,n,e),i=e.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(e){t.__e(e,n)}i.__P=i.__n=null}if(i=e.__k)for(s=0;s<i.length;s++)i[s]&&ue(i[s],n,typeof e.type!=`function`||r&&!e.props.__P);!r&&(i=e.__c)&&(i=i.__z)&&(a=ae(i,o=[]))&&(i==e.__e&&o.some(b),b(a),b(i)),r||b(e.__e),e.__e=e.__c=e.__=null}function de(e,t,n){return this.constructor(e,n)}function fe(e,n){var r,i,a,o;t.__&&t.__(e,n),n.nodeType==9&&(n=n.documentElement),i=(r=e&&32&e.__u)?null:n.__k,n.__k=C(w,{children:[e]}),a=[],o=[],ie(n,n.__k,i||m,m,n.namespaceURI,i?null:n.firstChild?v.call(n.childNodes):null,a,i?i.__e:n.firstChild,r,o),se(a,n.__k,o),n.__k.props.children=null}function pe(e){function t(e){var n,r;return this.getChildContext||(n=new Set,(r={})[t.__c]=this,this.getChildContext=function(){return r},this.shouldComponentUpdate=function(e){this.props.value!=e.value&&n.forEach(function(e){e.__g|=4,k(e)})},this.sub=function(e){n.add(e);var t=e.componentWillUnmount;e.componentWillUnmount=function(){n.delete(e),t&&t.call(e)}}),e.children}return t.__c=`__cC`+f++,t.__=e,t.Provider=(t.Consumer=function(e,t){return e.children(t)}).contextType=t,t}t={__e:function(e,t,n,r){for(var i,a,s;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((s=(a=i.constructor)&&a.getDerivedStateFromError)&&i.setState(a.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,r||{}),s=1),s&&8&i.__g)return void(i.__g|=2)}catch(t){e=t}}throw o=0,e}},n=0,r=function(e){return e!=null&&e.constructor===p},T.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=y({},this.state)),typeof e==`function`&&(e=e(y({},n),this.props)),e&&(y(n,e),this.__v&&(t&&this.__k.push(t),k(this)))},T.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),k(this))},T.prototype.render=w,i=[],o=0,s=function(e,t){return e.__v.__b-t.__v.__b},c=Symbol(),l=/(PointerCapture)$|Capture$/i,u=0,d={},f=0;var F,I,me,he,ge=Object.is,L=0,_e=[],ve=[],R=t,ye=R.__b,be=R.__r,xe=R.diffed,Se=R.__c,Ce=R.unmount,we=R.__;function z(e,t){R.__h&&R.__h(I,e,L||t),L=0;var n=I.__H||(I.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function Te(e){return L=1,Ee(Re,e)}function Ee(e,t,n){var r=z(F++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Re(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);ge(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=I,!I.__f)){I.__f=!0;var i=I.shouldComponentUpdate;I.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,ge(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function De(e,t){var n=z(F++,3);!R.__s&&Le(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,I.__H.__h.push(n))}function Oe(e,t){var n=z(F++,4);!R.__s&&Le(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,I.__h.push(n))}function B(e){return L=5,V(function(){return{current:e}},[])}function V(e,t){var n=z(F++,7);return Le(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function ke(e,t){return L=8,V(function(){return e},t)}function Ae(e){var t=I.context[e.__c],n=z(F++,9);return n.c=e,t?(n.__??(n.__=!0,t.sub(I)),t.props.value):e.__}function je(){var e=z(F++,11);if(!e.__){for(var t=I.__v;!t.__m&&t.__;)t=t.__;var n=t.__m||(t.__m=[0,0]);e.__=`P`+n[0]+`-`+n[1]++}return e.__}function Me(){var e;do{for(;e=ve.shift();)try{H(e)}catch(t){R.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=_e.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(H),t.__h.some(Ie),t.__h=[]}catch(n){t.__h=[],R.__e(n,e.__v)}}}while(ve.length)}R.__b=function(e){I=null,ye&&ye(e)},R.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),we&&we(e,t)},R.__r=function(e){be&&be(e),F=0;var t=(I=e.__c).__H;t&&(me==I?I.__h=[]:(t.__h.some(H),t.__h.some(Ie),F=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),me=I},R.diffed=function(e){xe&&xe(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Fe(_e.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),me=I=null},R.__c=function(e,t){t.some(function(e){try{e.__h.some(H),e.__h=e.__h.filter(function(e){return!e.__||Ie(e)})}catch(t){e.__h=[function(){throw t}]}}),Se&&Se(e,t)},R.unmount=function(e){Ce&&Ce(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n&&=n.__c}r.__P=n,Fe(ve.push(r))}else H(r)}catch(e){t=e}}),r.__H=void 0,t&&R.__e(t,r.__v))};var Ne=typeof requestAnimationFrame==`function`;function Pe(e){var t,n=function(){clearTimeout(r),Ne&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);Ne&&(t=requestAnimationFrame(n))}function Fe(e){e!=1&&he==R.requestAnimationFrame||((he=R.requestAnimationFrame)||Pe)(Me)}function H(e){var t=I,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),I=t}function Ie(e){var t=I;e.__c=e.__(),I=t}function Le(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!ge(t,e[n])})}function Re(e,t){return typeof t==`function`?t(e):t}var U,ze;function Be(e){return!ze||(typeof ze==`string`?e.startsWith(ze):ze.test(e))}function Ve(e,t){let n=``;if(U=void 0,t&&t.type===`click`){if(t.ctrlKey||t.metaKey||t.altKey||t.shiftKey||t.button!==0)return e;let r=t.composedPath().find(e=>e.nodeName==`A`&&e.href),i=r&&r.getAttribute(`href`);if(!r||r.origin!=location.origin||/^#/.test(i)||!/^(_?self)?$/i.test(r.target)||!Be(i)||r.download)return e;U=!0,t.preventDefault(),n=r.href.replace(location.origin,``)}else t&&t.url?(U=!t.replace,n=t.url):n=location.pathname+location.search;return U===!0?history.pushState(null,``,n):U===!1&&history.replaceState(null,``,n),n}var He=(e,t,n={})=>{e=e.split(`/`).filter(Boolean),t=(t||``).split(`/`).filter(Boolean),n.params||={};for(let r=0,i,a;r<Math.max(e.length,t.length);r++){let[,o,s,c]=(t[r]||``).match(/^(:?)(.*?)([+*?]?)$/);if(i=e[r],o||s!=i){if(!o&&i&&c==`*`){n.rest=`/`+e.slice(r).join(`/`);break}if(!o||!i&&c!=`?`&&c!=`*`)return;if(a=c==`+`||c==`*`,a?i=e.slice(r).map(decodeURIComponent).join(`/`)||void 0:i&&=decodeURIComponent(i),n.params[s]=i,s in n||(n[s]=i),a)break}}return n};function Ue(e){let[t,n]=Ee(Ve,e.url||location.pathname+location.search);e.scope&&(ze=e.scope);let r=U===!0,i=V(()=>{let e=new URL(t,location.origin),i=e.pathname.replace(/\/+$/g,``)||`/`;return{url:t,path:i,query:Object.fromEntries(e.searchParams),route:(e,t)=>n({url:e,replace:t}),back:()=>{history.back()},forward:()=>{history.forward()},wasPush:r}},[t]);return Oe(()=>(addEventListener(`click`,n),addEventListener(`popstate`,n),()=>{removeEventListener(`click`,n),removeEventListener(`popstate`,n)}),[]),x(Ue.ctx.Provider,{value:i},e.children)}var We=Promise.resolve();function Ge(e){let[t,n]=Ee(e=>e+1,0),{url:r,query:i,wasPush:a,path:o}=Ze();if(!r)throw Error(`preact-iso's <Router> must be used within a <LocationProvider>, see: https://github.com/preactjs/preact-iso#locationprovider`);let{rest:s=o,params:c={}}=Ae(Ye),l=B(!1),u=B(o),d=B(1),f=B(),p=B(),m=B(),h=B(!1),g=B();g.current=!1;let _,v,y;j(e.children).some(e=>{if(He(s,e.props.path,y={...e.props,path:s,query:i,params:Object.assign({},c),rest:``}))return _=S(e,y);e.props.default&&(v=S(e,y))});let b=_||v,C=f.current&&f.current.__u&Ke&&f.current.__u&qe,w=f.current&&f.current.__h,T=V(()=>{p.current=f.current,f.current=x(Ye.Provider,{value:y},b);let e=p.current&&p.current.props.children;return!e||!b||b.type!==e.type||b.props.component!==e.props.component?(d.current++,!0):!1},[r,JSON.stringify(y)]);C?(f.current.__u|=Ke,f.current.__u|=qe):w&&(f.current.__h=!0);let E=p.current;return p.current=null,this.__c=(t,i)=>{g.current=!0,p.current=E,e.onLoadStart&&e.onLoadStart(r),l.current=!0;let a=d.current;t.then(()=>{a===d.current&&(p.current=null,f.current&&(i.__h&&(f.current.__h=i.__h),i.__u&qe&&(f.current.__u|=qe),i.__u&Ke&&(f.current.__u|=Ke)),We.then(n))})},Oe(()=>{let t=this.__v&&this.__v.__e;g.current?!h.current&&!m.current&&(m.current=t):(!h.current&&m.current&&(m.current!==t&&m.current.remove(),m.current=null),h.current=!0,u.current!==o&&(a&&scrollTo(0,0),e.onRouteChange&&e.onRouteChange(r),u.current=o),e.onLoadEnd&&l.current&&e.onLoadEnd(r),l.current=!1)},[o,a,t]),T?[x(Je,{r:f,key:d.current}),x(Je,{r:p,key:d.current-1})]:x(Je,{r:f,key:d.current})}var Ke=32,qe=128,Je=({r:e})=>e.current;Ge.Provider=Ue,Ue.ctx=pe({});var Ye=pe({}),Xe=e=>x(e.component,e),Ze=()=>Ae(Ue.ctx),Qe=()=>Ae(Ye),$e=t.__b;t.__b=e=>{e.type&&e.type._forwarded&&e.ref&&(e.props.ref=e.ref,e.ref=null),$e&&$e(e)};function et(e){let t,n,r=()=>e().then(e=>n=e&&e.default||e),i=e=>{let[,i]=Te(0),a=B(n);if(t||=r(),n!==void 0)return x(n,e);throw a.current||=t.then(()=>i(1)),t};return i.preload=()=>(t||=r(),t),i._forwarded=!0,i}var tt=t.__e;t.__e=(e,t,n)=>{if(e&&e.then){let r=t;for(;r=r.__;)if(r.__c&&r.__c.__c)return t.__e??(t.__c.__z=[n.__e],t.__e=n.__e,t.__k=n.__k),t.__k||=[],r.__c.__c(e,t)}tt&&tt(e,t,n)};function nt(e){return this.__c=rt,this.componentDidCatch=e.onError,e.children}function rt(e){e.then(()=>this.forceUpdate())}var it=Symbol.for(`preact-signals`);function at(){if(G>1)G--;else{var e,t=!1;for((function(){var e=pt;for(pt=void 0;e!==void 0;){var t=e.S;if(t.v===e.v)for(var n=t.t;n!==void 0;n=n.x)n.i===e.i&&(n.i=t.i);e=e.o}})();lt!==void 0;){var n=lt;for(lt=void 0,ut++;n!==void 0;){var r=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&gt(n))try{n.c()}catch(n){t||=(e=n,!0)}n=r}}if(ut=0,G--,t)throw e}}function ot(e){if(G>0)return e();ft=++dt,G++;try{return e()}finally{at()}}var st,W=void 0;function ct(e){var t=W,n=st;W=void 0,st=void 0;try{return e()}finally{W=t,st=n}}var lt=void 0,G=0,ut=0,dt=0,ft=0,pt=void 0,mt=0;function ht(e){if(W!==void 0){var t=e.n;if(t===void 0||t.t!==W)return t={i:0,S:e,p:W.s,n:void 0,t:W,e:void 0,x:void 0,r:t},W.s!==void 0&&(W.s.n=t),W.s=t,e.n=t,32&W.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=W.s,t.n=void 0,W.s.n=t,W.s=t),t}}function K(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}K.prototype.brand=it,K.prototype.h=function(){return!0},K.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n===void 0?ct(function(){var e;(e=t.W)==null||e.call(t)}):n.e=e)},K.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,r=e.x;n!==void 0&&(n.x=r,e.e=void 0),r!==void 0&&(r.e=n,e.x=void 0),e===this.t&&(this.t=r,r===void 0&&ct(function(){var e;(e=t.Z)==null||e.call(t)}))}},K.prototype.subscribe=function(e){var t=this;return St(function(){var n=t.value;ct(function(){return e(n)})},{name:`sub`})},K.prototype.valueOf=function(){return this.value},K.prototype.toString=function(){return this.value+``},K.prototype.toJSON=function(){return this.value},K.prototype.peek=function(){var e=this;return ct(function(){return e.value})},Object.defineProperty(K.prototype,"value",{get:function(){var e=ht(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(ut>100)throw Error(`Cycle detected`);(function(e){G!==0&&ut===0&&e.l!==ft&&(e.l=ft,pt={S:e,v:e.v,i:e.i,o:pt})})(this),this.v=e,this.i++,mt++,G++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{at()}}}});function q(e,t){return new K(e,t)}function gt(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function _t(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function vt(e){for(var t=e.s,n=void 0;t!==void 0;){var r=t.p;t.i===-1?(t.S.U(t),r!==void 0&&(r.n=t.n),t.n!==void 0&&(t.n.p=r)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=r}e.s=n}function J(e,t){K.call(this,void 0,t),this.x=e,this.s=void 0,this.g=mt-1,this.f=4}J.prototype=new K,J.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===mt))return!0;if(this.g=mt,this.f|=1,this.i>0&&!gt(this))return this.f&=-2,!0;var e=W;try{_t(this),W=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(e){this.v=e,this.f|=16,this.i++}return W=e,vt(this),this.f&=-2,!0},J.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}K.prototype.S.call(this,e)},J.prototype.U=function(e){if(this.t!==void 0&&(K.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}},J.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}},Object.defineProperty(J.prototype,"value",{get:function(){if(1&this.f)throw Error(`Cycle detected`);var e=ht(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function Y(e,t){return new J(e,t)}function yt(e){var t=e.j;if(e.j=void 0,typeof t==`function`){G++;var n=W;W=void 0;try{t()}catch(t){throw e.f&=-2,e.f|=8,bt(e),t}finally{W=n,at()}}}function bt(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,yt(e)}function xt(e){if(W!==this)throw Error(`Out-of-order effect`);vt(this),W=e,this.f&=-2;try{8&this.f&&bt(this)}finally{at()}}function X(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,st&&st.push(this)}X.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t==`function`&&(this.j=t)}finally{e()}},X.prototype.S=function(){if(1&this.f)throw Error(`Cycle detected`);this.f|=1,this.f&=-9,yt(this),_t(this),G++;var e=W;return W=this,xt.bind(this,e)},X.prototype.N=function(){2&this.f||(this.f|=2,this.u=lt,lt=this)},X.prototype.d=function(){this.f|=8,1&this.f||bt(this)},X.prototype.dispose=function(){this.d()};function St(e,t){var n=new X(e,t);try{n.c()}catch(e){throw n.d(),e}var r=n.d.bind(n);return r[Symbol.dispose]=r,r}var Ct,wt,Tt=typeof window<`u`&&!!window.__PREACT_SIGNALS_DEVTOOLS__,Et=[];St(function(){Ct=this.N})();function Z(e,n){t[e]=n.bind(null,t[e]||function(){})}function Dt(e){if(wt){var t=wt;wt=void 0,t()}wt=e&&e.S()}function Ot(e){var t=this,n=e.data,i=At(n);i.name=`ReactiveDom`,i.value=n;var a=V(function(){for(var e=t,n=t.__v;n=n.__;)if(n.__c){n.__c.__$f|=4;break}var a=Y(function(){var e=i.value.value;return e===0?0:!0===e?``:e||``}),o=Y(function(){return!Array.isArray(a.value)&&!r(a.value)}),s=St(function(){if(this.N=Nt,o.value){var t=a.value;e.__v&&e.__v.__e&&e.__v.__e.nodeType===3&&(e.__v.__e.data=t)}}),c=t.__$u.d;return t.__$u.d=function(){s(),c.call(this)},[o,a]},[]),o=a[0],s=a[1];return o.value?s.peek():s.value}Ot.displayName=`ReactiveTextNode`,Object.defineProperties(K.prototype,{constructor:{configurable:!0,value:x(w,null).constructor},type:{configurable:!0,value:Ot},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}}),Z(`__b`,function(e,t){if(Dt(),typeof t.type==`string`){var n,r=t.props;for(var i in r)if(i!==`children`){var a=r[i];a instanceof K&&(n||(t.__np=n={}),n[i]=a,r[i]=a.peek())}}e(t)}),Z(`__r`,function(e,t){if(e(t),t.type!==w){Dt();var n,r=t.__c;r&&(r.__$f&=-2,(n=r.__$u)===void 0&&(r.__$u=n=function(e,t){var n;return St(function(){n=this},{name:t}),n.c=e,n}(function(e){return function(){var t;Tt&&((t=this.y)==null||t.call(this)),e.__$f|=1,e.setState({})}}(r),typeof t.type==`function`?t.type.displayName||t.type.name:``))),Dt(n)}}),Z(`__e`,function(e,t,n,r){Dt(),e(t,n,r)}),Z(`diffed`,function(e,t){Dt();var n;if(typeof t.type==`string`&&(n=t.__e)){var r=t.__np,i=t.props,a=n.U;if(a)for(var o in a){var s=a[o];s===void 0||r&&o in r||(s.d(),a[o]=void 0)}if(r)for(var c in a||(a={},n.U=a),r){var l=a[c],u=r[c];l===void 0?(l=kt(n,c,u,i),a[c]=l):l.o(u,i)}}e(t)});function kt(e,t,n,r){var i=t in e&&e.ownerSVGElement===void 0,a=q(n);return{o:function(e,t){a.value=e,r=t},d:St(function(){this.N=Nt;var n=a.value.value;r[t]!==n&&(r[t]=n,i?e[t]=n:n!=null&&(!1!==n||t[4]===`-`)?e.setAttribute(t,n):e.removeAttribute(t))})}}Z(`unmount`,function(e,t){if(typeof t.type==`string`){var n=t.__e;if(n){var r=n.U;if(r)for(var i in n.U=void 0,r){var a=r[i];a&&a.d()}}var o=t.__np;if(o){var s=t.props;for(var c in o)s[c]=o[c]}t.__np=void 0}else{var l=t.__c;if(l){l.__$f|=8;var u=l.__$u;u&&(l.__$u=void 0,u.d())}}e(t)}),Z(`__h`,function(e,t,n,r){r<3&&(t.__$f|=2),e(t,n,r)}),T.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,r=n&&n.s!==void 0;for(var i in t)return!0;if(this.__f||typeof this.u==`boolean`&&!0===this.u){var a=2&this.__$f;if(!(r||a||4&this.__$f)||1&this.__$f)return!0}else if(!(r||4&this.__$f)||3&this.__$f)return!0;for(var o in e)if(o!==`__source`&&e[o]!==this.props[o])return!0;for(var s in this.props)if(!(s in e))return!0;return!1};function At(e,t){return V(function(){return q(e,t)},[])}var jt=function(e){queueMicrotask(function(){queueMicrotask(e)})};function Mt(){ot(function(){for(var e;e=Et.shift();)Ct.call(e)})}function Nt(){Et.push(this)===1&&(t.requestAnimationFrame||jt)(Mt)}var Q=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}};new Q(`
    fragment AppBudget on EnergyBudget {
  limitWh
  period
  periodEnd
  usedWh
  remainingWh
  exhausted
}
    `,{fragmentName:`AppBudget`});var Pt=new Q(`
    fragment ChargingScheduleFields on ChargingSchedule {
  chargingRateUnit
  duration
  startSchedule
  minChargingRate
  chargingSchedulePeriod {
    startPeriod
    limit
    numberPhases
  }
}
    `,{fragmentName:`ChargingScheduleFields`}),Ft={"\n  subscription AppConnectorStatus($stationId: ID!) {\n    connectorStatus(stationId: $stationId) {\n      stationId\n      connectorId\n      status\n      errorCode\n    }\n  }\n":new Q(`
    subscription AppConnectorStatus($stationId: ID!) {
  connectorStatus(stationId: $stationId) {
    stationId
    connectorId
    status
    errorCode
  }
}
    `),"\n  subscription AppTransactionEvents($stationId: ID) {\n    transactionEvents(stationId: $stationId) {\n      kind\n      transaction {\n        id\n        stationId\n        connectorId\n        idTag\n        active\n      }\n    }\n  }\n":new Q(`
    subscription AppTransactionEvents($stationId: ID) {
  transactionEvents(stationId: $stationId) {
    kind
    transaction {
      id
      stationId
      connectorId
      idTag
      active
    }
  }
}
    `),"\n  subscription AppMeterValues($transactionId: Int!) {\n    meterValues(transactionId: $transactionId) {\n      connectorId\n      transactionId\n      meterValues {\n        timestamp\n        sampledValues {\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n    }\n  }\n":new Q(`
    subscription AppMeterValues($transactionId: Int!) {
  meterValues(transactionId: $transactionId) {
    connectorId
    transactionId
    meterValues {
      timestamp
      sampledValues {
        measurand
        phase
        unit
        numericValue
      }
    }
  }
}
    `),"\n  query AppMyBudget {\n    me {\n      budget {\n        ...AppBudget\n      }\n    }\n  }\n":new Q(`
    query AppMyBudget {
  me {
    budget {
      ...AppBudget
    }
  }
}
    fragment AppBudget on EnergyBudget {
  limitWh
  period
  periodEnd
  usedWh
  remainingWh
  exhausted
}`),"\n  mutation AppChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n":new Q(`
    mutation AppChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `),"\n  mutation AppStart($stationId: ID!, $connectorId: Int!, $idTag: String!) {\n    remoteStartTransaction(stationId: $stationId, connectorId: $connectorId, idTag: $idTag) {\n      status\n    }\n  }\n":new Q(`
    mutation AppStart($stationId: ID!, $connectorId: Int!, $idTag: String!) {
  remoteStartTransaction(
    stationId: $stationId
    connectorId: $connectorId
    idTag: $idTag
  ) {
    status
  }
}
    `),"\n  query AppFindStarted($stationId: ID!) {\n    transactions(active: true, stationId: $stationId, first: 10) {\n      nodes {\n        id\n        connectorId\n        idTag\n      }\n    }\n  }\n":new Q(`
    query AppFindStarted($stationId: ID!) {
  transactions(active: true, stationId: $stationId, first: 10) {
    nodes {
      id
      connectorId
      idTag
    }
  }
}
    `),"\n  query AppHistory($first: Int!, $after: String) {\n    transactions(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        stationId\n        connectorId\n        idTag\n        active\n        startTime\n        stopTime\n        energyWh\n        durationSeconds\n        station {\n          displayName\n        }\n      }\n    }\n  }\n":new Q(`
    query AppHistory($first: Int!, $after: String) {
  transactions(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      stationId
      connectorId
      idTag
      active
      startTime
      stopTime
      energyWh
      durationSeconds
      station {
        displayName
      }
    }
  }
}
    `),"\n  query AppMonths($from: DateTime!, $to: DateTime!) {\n    usage(from: $from, to: $to, groupBy: MONTH) {\n      periods {\n        start\n        totals {\n          energyKwh\n          sessions\n          chargingSeconds\n        }\n      }\n    }\n  }\n":new Q(`
    query AppMonths($from: DateTime!, $to: DateTime!) {
  usage(from: $from, to: $to, groupBy: MONTH) {
    periods {
      start
      totals {
        energyKwh
        sessions
        chargingSeconds
      }
    }
  }
}
    `),"\n  mutation AppCancelReservation($reservationId: Int!) {\n    cancelReservation(reservationId: $reservationId) {\n      status\n    }\n  }\n":new Q(`
    mutation AppCancelReservation($reservationId: Int!) {
  cancelReservation(reservationId: $reservationId) {
    status
  }
}
    `),"\n  query AppActive {\n    transactions(active: true, first: 10) {\n      nodes {\n        id\n        stationId\n        connectorId\n        idTag\n        startTime\n        energyWh\n        station {\n          displayName\n        }\n      }\n    }\n  }\n":new Q(`
    query AppActive {
  transactions(active: true, first: 10) {
    nodes {
      id
      stationId
      connectorId
      idTag
      startTime
      energyWh
      station {
        displayName
      }
    }
  }
}
    `),"\n  query AppSites {\n    sites {\n      name\n      stations\n    }\n  }\n":new Q(`
    query AppSites {
  sites {
    name
    stations
  }
}
    `),"\n  query AppStations($site: String, $search: String, $after: String) {\n    stations(site: $site, search: $search, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        displayName\n        site\n        address\n        connected\n        connectors {\n          connectorId\n          status\n        }\n      }\n    }\n  }\n":new Q(`
    query AppStations($site: String, $search: String, $after: String) {
  stations(site: $site, search: $search, first: 10, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      displayName
      site
      address
      connected
      connectors {
        connectorId
        status
      }
    }
  }
}
    `),"\n  mutation AppLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      role\n      expiresAt\n    }\n  }\n":new Q(`
    mutation AppLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
    role
    expiresAt
  }
}
    `),"\n  query AppMe {\n    me {\n      sub\n      role\n      stations\n    }\n  }\n":new Q(`
    query AppMe {
  me {
    sub
    role
    stations
  }
}
    `),"\n  query AppSelfRegistration {\n    selfRegistration\n  }\n":new Q(`
    query AppSelfRegistration {
  selfRegistration
}
    `),"\n  mutation AppRegister($username: String!, $password: String!) {\n    register(username: $username, password: $password) {\n      username\n      pending\n    }\n  }\n":new Q(`
    mutation AppRegister($username: String!, $password: String!) {
  register(username: $username, password: $password) {
    username
    pending
  }
}
    `),"\n  query AppSession($id: Int!) {\n    transaction(id: $id) {\n      id\n      stationId\n      connectorId\n      idTag\n      active\n      startTime\n      stopTime\n      meterStart\n      energyWh\n      durationSeconds\n      stopReason\n      flags\n      station {\n        displayName\n      }\n      energy: meterValues(measurand: ENERGY_ACTIVE_IMPORT_REGISTER, last: 200) {\n        nodes {\n          timestamp\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n      power: meterValues(measurand: POWER_ACTIVE_IMPORT, last: 6) {\n        nodes {\n          timestamp\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n      soc: meterValues(measurand: SOC, last: 1) {\n        nodes {\n          timestamp\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n    }\n  }\n":new Q(`
    query AppSession($id: Int!) {
  transaction(id: $id) {
    id
    stationId
    connectorId
    idTag
    active
    startTime
    stopTime
    meterStart
    energyWh
    durationSeconds
    stopReason
    flags
    station {
      displayName
    }
    energy: meterValues(measurand: ENERGY_ACTIVE_IMPORT_REGISTER, last: 200) {
      nodes {
        timestamp
        measurand
        phase
        unit
        numericValue
      }
    }
    power: meterValues(measurand: POWER_ACTIVE_IMPORT, last: 6) {
      nodes {
        timestamp
        measurand
        phase
        unit
        numericValue
      }
    }
    soc: meterValues(measurand: SOC, last: 1) {
      nodes {
        timestamp
        measurand
        phase
        unit
        numericValue
      }
    }
  }
}
    `),"\n  mutation AppStop($stationId: ID!, $transactionId: Int!) {\n    remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {\n      status\n    }\n  }\n":new Q(`
    mutation AppStop($stationId: ID!, $transactionId: Int!) {
  remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {
    status
  }
}
    `),"\n  query AppStation($id: ID!) {\n    station(id: $id) {\n      id\n      displayName\n      site\n      address\n      connected\n      connectors {\n        connectorId\n        status\n        errorCode\n        currentTransaction {\n          id\n          idTag\n        }\n      }\n    }\n  }\n":new Q(`
    query AppStation($id: ID!) {
  station(id: $id) {
    id
    displayName
    site
    address
    connected
    connectors {
      connectorId
      status
      errorCode
      currentTransaction {
        id
        idTag
      }
    }
  }
}
    `),"\n  mutation AppReserve($stationId: ID!, $connectorId: Int!, $idTag: String!, $expiryDate: DateTime!) {\n    reserveNow(stationId: $stationId, connectorId: $connectorId, idTag: $idTag, expiryDate: $expiryDate) {\n      status\n      reservation {\n        id\n        stationId\n        connectorId\n        idTag\n        expiryDate\n        state\n      }\n    }\n  }\n":new Q(`
    mutation AppReserve($stationId: ID!, $connectorId: Int!, $idTag: String!, $expiryDate: DateTime!) {
  reserveNow(
    stationId: $stationId
    connectorId: $connectorId
    idTag: $idTag
    expiryDate: $expiryDate
  ) {
    status
    reservation {
      id
      stationId
      connectorId
      idTag
      expiryDate
      state
    }
  }
}
    `),"\n  query AppTags($search: String) {\n    idTags(first: 50, search: $search) {\n      nodes {\n        idTag\n        effectiveStatus\n        expiryDate\n      }\n    }\n  }\n":new Q(`
    query AppTags($search: String) {
  idTags(first: 50, search: $search) {
    nodes {
      idTag
      effectiveStatus
      expiryDate
    }
  }
}
    `),"\n  query AppBudgets($search: String) {\n    me {\n      budget {\n        ...AppBudget\n      }\n    }\n    idTags(first: 50, search: $search) {\n      nodes {\n        idTag\n        budget {\n          ...AppBudget\n        }\n      }\n    }\n  }\n  fragment AppBudget on EnergyBudget {\n    limitWh\n    period\n    periodEnd\n    usedWh\n    remainingWh\n    exhausted\n  }\n":new Q(`
    query AppBudgets($search: String) {
  me {
    budget {
      ...AppBudget
    }
  }
  idTags(first: 50, search: $search) {
    nodes {
      idTag
      budget {
        ...AppBudget
      }
    }
  }
}
    fragment AppBudget on EnergyBudget {
  limitWh
  period
  periodEnd
  usedWh
  remainingWh
  exhausted
}`),"\n  query PendingAccounts {\n    accounts(pending: true) {\n      username\n    }\n  }\n":new Q(`
    query PendingAccounts {
  accounts(pending: true) {
    username
  }
}
    `),"\n  query AccountsList {\n    accounts {\n      username\n      role\n      stations\n      pending\n      createdAt\n      updatedAt\n      idTags {\n        idTag\n        status\n        effectiveStatus\n      }\n      budget {\n        limitWh\n        period\n        periodStart\n        periodEnd\n        usedWh\n        remainingWh\n        exhausted\n      }\n    }\n  }\n":new Q(`
    query AccountsList {
  accounts {
    username
    role
    stations
    pending
    createdAt
    updatedAt
    idTags {
      idTag
      status
      effectiveStatus
    }
    budget {
      limitWh
      period
      periodStart
      periodEnd
      usedWh
      remainingWh
      exhausted
    }
  }
}
    `),"\n  mutation AccountsCreate($username: String!, $password: String!, $role: AccountRole!, $stations: [ID!]) {\n    createAccount(username: $username, password: $password, role: $role, stations: $stations) {\n      username\n    }\n  }\n":new Q(`
    mutation AccountsCreate($username: String!, $password: String!, $role: AccountRole!, $stations: [ID!]) {
  createAccount(
    username: $username
    password: $password
    role: $role
    stations: $stations
  ) {
    username
  }
}
    `),"\n  mutation AccountsUpdate($username: String!, $role: AccountRole!, $stations: [ID!]) {\n    updateAccount(username: $username, role: $role, stations: $stations) {\n      username\n    }\n  }\n":new Q(`
    mutation AccountsUpdate($username: String!, $role: AccountRole!, $stations: [ID!]) {
  updateAccount(username: $username, role: $role, stations: $stations) {
    username
  }
}
    `),"\n  mutation AccountsResetPassword($username: String!, $password: String!) {\n    updateAccount(username: $username, password: $password) {\n      username\n    }\n  }\n":new Q(`
    mutation AccountsResetPassword($username: String!, $password: String!) {
  updateAccount(username: $username, password: $password) {
    username
  }
}
    `),"\n  mutation AccountsDelete($username: String!) {\n    deleteAccount(username: $username)\n  }\n":new Q(`
    mutation AccountsDelete($username: String!) {
  deleteAccount(username: $username)
}
    `),"\n  mutation AccountsApprove($username: String!) {\n    approveAccount(username: $username) {\n      username\n      pending\n    }\n  }\n":new Q(`
    mutation AccountsApprove($username: String!) {
  approveAccount(username: $username) {
    username
    pending
  }
}
    `),"\n  mutation AccountsSetBudget($username: String!, $budget: EnergyBudgetInput) {\n    setAccountBudget(username: $username, budget: $budget) {\n      username\n    }\n  }\n":new Q(`
    mutation AccountsSetBudget($username: String!, $budget: EnergyBudgetInput) {
  setAccountBudget(username: $username, budget: $budget) {
    username
  }
}
    `),"\n  query AccountsTagOwner($idTag: String!) {\n    idTag(idTag: $idTag) {\n      idTag\n      owner\n    }\n  }\n":new Q(`
    query AccountsTagOwner($idTag: String!) {
  idTag(idTag: $idTag) {
    idTag
    owner
  }
}
    `),"\n  mutation AccountsGiveTag($idTag: String!, $owner: String) {\n    updateIdTag(idTag: $idTag, input: { owner: $owner }) {\n      idTag\n      owner\n    }\n  }\n":new Q(`
    mutation AccountsGiveTag($idTag: String!, $owner: String) {
  updateIdTag(idTag: $idTag, input: {owner: $owner}) {
    idTag
    owner
  }
}
    `),"\n  mutation AccountsCreateTag($idTag: String!, $owner: String!) {\n    createIdTag(input: { idTag: $idTag, owner: $owner, status: ACCEPTED }) {\n      idTag\n      owner\n    }\n  }\n":new Q(`
    mutation AccountsCreateTag($idTag: String!, $owner: String!) {
  createIdTag(input: {idTag: $idTag, owner: $owner, status: ACCEPTED}) {
    idTag
    owner
  }
}
    `),"\n  query Alerts($first: Int) {\n    alerts(first: $first) {\n      id\n      kind\n      stationId\n      summary\n      createdAt\n      deliveries {\n        channel\n        target\n        state\n        attempts\n        lastError\n      }\n    }\n  }\n":new Q(`
    query Alerts($first: Int) {
  alerts(first: $first) {
    id
    kind
    stationId
    summary
    createdAt
    deliveries {
      channel
      target
      state
      attempts
      lastError
    }
  }
}
    `),"\n  subscription AlertsLive {\n    alerts {\n      id\n      kind\n      stationId\n      summary\n      createdAt\n      deliveries {\n        channel\n        target\n        state\n        attempts\n        lastError\n      }\n    }\n  }\n":new Q(`
    subscription AlertsLive {
  alerts {
    id
    kind
    stationId
    summary
    createdAt
    deliveries {
      channel
      target
      state
      attempts
      lastError
    }
  }
}
    `),"\n  query AlertRules {\n    alertRules {\n      id\n      name\n      kind\n      enabled\n      stationId\n      minutes\n      count\n      days\n      emailTo\n    }\n  }\n":new Q(`
    query AlertRules {
  alertRules {
    id
    name
    kind
    enabled
    stationId
    minutes
    count
    days
    emailTo
  }
}
    `),"\n  mutation CreateAlertRule($input: AlertRuleInput!) {\n    createAlertRule(input: $input) {\n      id\n    }\n  }\n":new Q(`
    mutation CreateAlertRule($input: AlertRuleInput!) {
  createAlertRule(input: $input) {
    id
  }
}
    `),"\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n":new Q(`
    mutation DeleteAlertRule($id: ID!) {
  deleteAlertRule(id: $id)
}
    `),"\n  query Webhooks {\n    webhooks {\n      id\n      name\n      url\n      enabled\n    }\n  }\n":new Q(`
    query Webhooks {
  webhooks {
    id
    name
    url
    enabled
  }
}
    `),"\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      webhook {\n        id\n      }\n      secret\n    }\n  }\n":new Q(`
    mutation CreateWebhook($input: WebhookInput!) {
  createWebhook(input: $input) {
    webhook {
      id
    }
    secret
  }
}
    `),"\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n":new Q(`
    mutation DeleteWebhook($id: ID!) {
  deleteWebhook(id: $id)
}
    `),"\n  query AuditLog($first: Int, $last: Int, $after: String, $before: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        at\n        sub\n        role\n        address\n        action\n        target\n        arguments\n        outcome\n        answer\n      }\n    }\n  }\n":new Q(`
    query AuditLog($first: Int, $last: Int, $after: String, $before: String, $filter: AuditLogFilter) {
  auditLog(
    first: $first
    last: $last
    after: $after
    before: $before
    filter: $filter
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      at
      sub
      role
      address
      action
      target
      arguments
      outcome
      answer
    }
  }
}
    `),"\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      role\n      expiresAt\n    }\n  }\n":new Q(`
    mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
    role
    expiresAt
  }
}
    `),"\n  query Me {\n    me {\n      sub\n      role\n      stations\n    }\n  }\n":new Q(`
    query Me {
  me {
    sub
    role
    stations
  }
}
    `),"\n  mutation MyAccountChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n":new Q(`
    mutation MyAccountChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `),"\n  query OverviewSummary($since: DateTime) {\n    fleetSummary(since: $since) {\n      at\n      since\n      stations\n      online\n      offline\n      pending\n      rejected\n      activeTransactions\n      energyWh\n      connectors {\n        status\n        count\n      }\n    }\n  }\n":new Q(`
    query OverviewSummary($since: DateTime) {
  fleetSummary(since: $since) {
    at
    since
    stations
    online
    offline
    pending
    rejected
    activeTransactions
    energyWh
    connectors {
      status
      count
    }
  }
}
    `),"\n  subscription OverviewSummaryLive($since: DateTime, $everySeconds: Int!) {\n    fleetSummary(since: $since, everySeconds: $everySeconds) {\n      at\n      since\n      stations\n      online\n      offline\n      pending\n      rejected\n      activeTransactions\n      energyWh\n      connectors {\n        status\n        count\n      }\n    }\n  }\n":new Q(`
    subscription OverviewSummaryLive($since: DateTime, $everySeconds: Int!) {
  fleetSummary(since: $since, everySeconds: $everySeconds) {
    at
    since
    stations
    online
    offline
    pending
    rejected
    activeTransactions
    energyWh
    connectors {
      status
      count
    }
  }
}
    `),"\n  query OverviewAttention($limit: Int!) {\n    attention(limit: $limit) {\n      kind\n      stationId\n      connectorId\n      detail\n      since\n    }\n  }\n":new Q(`
    query OverviewAttention($limit: Int!) {
  attention(limit: $limit) {
    kind
    stationId
    connectorId
    detail
    since
  }
}
    `),"\n  mutation OverviewApproveStation($id: ID!) {\n    approveStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Q(`
    mutation OverviewApproveStation($id: ID!) {
  approveStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  query SecPending($first: Int, $last: Int, $after: String, $before: String) {\n    stations(registrationStatus: PENDING, first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        vendor\n        model\n        firmwareVersion\n        connected\n        firstSeenAt\n        lastSeenAt\n      }\n    }\n  }\n":new Q(`
    query SecPending($first: Int, $last: Int, $after: String, $before: String) {
  stations(
    registrationStatus: PENDING
    first: $first
    last: $last
    after: $after
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      vendor
      model
      firmwareVersion
      connected
      firstSeenAt
      lastSeenAt
    }
  }
}
    `),"\n  mutation SecApprove($id: ID!) {\n    approveStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Q(`
    mutation SecApprove($id: ID!) {
  approveStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  mutation SecReject($id: ID!) {\n    rejectStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Q(`
    mutation SecReject($id: ID!) {
  rejectStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  query SecProfiles($first: Int, $last: Int, $after: String, $before: String) {\n    stations(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        connected\n        registrationStatus\n        securityProfile\n        hasAuthorizationKey\n      }\n    }\n  }\n":new Q(`
    query SecProfiles($first: Int, $last: Int, $after: String, $before: String) {
  stations(first: $first, last: $last, after: $after, before: $before) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      connected
      registrationStatus
      securityProfile
      hasAuthorizationKey
    }
  }
}
    `),"\n  query SecStation($id: ID!) {\n    station(id: $id) {\n      id\n      connected\n      registrationStatus\n      securityProfile\n      hasAuthorizationKey\n    }\n  }\n":new Q(`
    query SecStation($id: ID!) {
  station(id: $id) {
    id
    connected
    registrationStatus
    securityProfile
    hasAuthorizationKey
  }
}
    `),"\n  mutation SecSetProfile($stationId: ID!, $profile: Int!) {\n    setStationSecurityProfile(stationId: $stationId, profile: $profile) {\n      id\n      securityProfile\n    }\n  }\n":new Q(`
    mutation SecSetProfile($stationId: ID!, $profile: Int!) {
  setStationSecurityProfile(stationId: $stationId, profile: $profile) {
    id
    securityProfile
  }
}
    `),"\n  mutation SecSetKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {\n    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {\n      status\n      station {\n        id\n        hasAuthorizationKey\n      }\n    }\n  }\n":new Q(`
    mutation SecSetKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
  setStationAuthorizationKey(
    stationId: $stationId
    key: $key
    sendToStation: $sendToStation
  ) {
    status
    station {
      id
      hasAuthorizationKey
    }
  }
}
    `),"\n  query SecEvents($stationId: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    securityEvents(stationId: $stationId, first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        timestamp\n        receivedAt\n        techInfo\n      }\n    }\n  }\n":new Q(`
    query SecEvents($stationId: ID!, $first: Int, $last: Int, $after: String, $before: String) {
  securityEvents(
    stationId: $stationId
    first: $first
    last: $last
    after: $after
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      type
      timestamp
      receivedAt
      techInfo
    }
  }
}
    `),"\n  subscription SecEventsLive($stationId: ID!) {\n    securityEvents(stationId: $stationId) {\n      id\n      type\n      timestamp\n      receivedAt\n      techInfo\n    }\n  }\n":new Q(`
    subscription SecEventsLive($stationId: ID!) {
  securityEvents(stationId: $stationId) {
    id
    type
    timestamp
    receivedAt
    techInfo
  }
}
    `),"\n  query SecCsrs($state: CsrState, $stationId: ID, $first: Int, $last: Int, $after: String, $before: String) {\n    certificateSigningRequests(\n      state: $state\n      stationId: $stationId\n      first: $first\n      last: $last\n      after: $after\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        stationId\n        state\n        commonName\n        organization\n        receivedAt\n        sentAt\n        answeredAt\n        signedBy\n        stationStatus\n        reason\n        csr\n      }\n    }\n  }\n":new Q(`
    query SecCsrs($state: CsrState, $stationId: ID, $first: Int, $last: Int, $after: String, $before: String) {
  certificateSigningRequests(
    state: $state
    stationId: $stationId
    first: $first
    last: $last
    after: $after
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      stationId
      state
      commonName
      organization
      receivedAt
      sentAt
      answeredAt
      signedBy
      stationStatus
      reason
      csr
    }
  }
}
    `),"\n  mutation SecCertificateSigned($stationId: ID!, $requestId: Int, $certificateChain: String!) {\n    certificateSigned(stationId: $stationId, requestId: $requestId, certificateChain: $certificateChain) {\n      status\n    }\n  }\n":new Q(`
    mutation SecCertificateSigned($stationId: ID!, $requestId: Int, $certificateChain: String!) {
  certificateSigned(
    stationId: $stationId
    requestId: $requestId
    certificateChain: $certificateChain
  ) {
    status
  }
}
    `),"\n  query StationPage($id: ID!) {\n    station(id: $id) {\n      id\n      connected\n      connectedSince\n      registrationStatus\n      securityProfile\n      hasAuthorizationKey\n      vendor\n      model\n      chargePointSerialNumber\n      chargeBoxSerialNumber\n      firmwareVersion\n      ocppVersion\n      firmwareStatus\n      firmwareStatusAt\n      diagnosticsStatus\n      diagnosticsStatusAt\n      iccid\n      imsi\n      meterType\n      meterSerialNumber\n      createdAt\n      firstSeenAt\n      lastBootAt\n      lastHeartbeatAt\n      lastSeenAt\n      connectors {\n        connectorId\n        status\n        errorCode\n        info\n        vendorErrorCode\n        vendorId\n        ocppStatus\n        statusTimestamp\n        updatedAt\n        lastMeterReading {\n          timestamp\n          transactionId\n          sampledValues {\n            measurand\n            phase\n            numericValue\n            unit\n          }\n        }\n        currentTransaction {\n          id\n          connectorId\n          idTag\n          startTime\n          meterStart\n          energyWh\n        }\n      }\n    }\n  }\n":new Q(`
    query StationPage($id: ID!) {
  station(id: $id) {
    id
    connected
    connectedSince
    registrationStatus
    securityProfile
    hasAuthorizationKey
    vendor
    model
    chargePointSerialNumber
    chargeBoxSerialNumber
    firmwareVersion
    ocppVersion
    firmwareStatus
    firmwareStatusAt
    diagnosticsStatus
    diagnosticsStatusAt
    iccid
    imsi
    meterType
    meterSerialNumber
    createdAt
    firstSeenAt
    lastBootAt
    lastHeartbeatAt
    lastSeenAt
    connectors {
      connectorId
      status
      errorCode
      info
      vendorErrorCode
      vendorId
      ocppStatus
      statusTimestamp
      updatedAt
      lastMeterReading {
        timestamp
        transactionId
        sampledValues {
          measurand
          phase
          numericValue
          unit
        }
      }
      currentTransaction {
        id
        connectorId
        idTag
        startTime
        meterStart
        energyWh
      }
    }
  }
}
    `),"\n  query StationDetails($id: ID!) {\n    station(id: $id) {\n      id\n      displayName\n      site\n      address\n      latitude\n      longitude\n      note\n    }\n  }\n":new Q(`
    query StationDetails($id: ID!) {
  station(id: $id) {
    id
    displayName
    site
    address
    latitude
    longitude
    note
  }
}
    `),"\n  mutation StationUpdateDetails($id: ID!, $input: StationDetailsInput!) {\n    updateStationDetails(id: $id, input: $input) {\n      id\n      displayName\n      site\n      address\n      latitude\n      longitude\n      note\n    }\n  }\n":new Q(`
    mutation StationUpdateDetails($id: ID!, $input: StationDetailsInput!) {
  updateStationDetails(id: $id, input: $input) {
    id
    displayName
    site
    address
    latitude
    longitude
    note
  }
}
    `),"\n  subscription StationConnectorStatus($stationId: ID!) {\n    connectorStatus(stationId: $stationId) {\n      connectorId\n      status\n      errorCode\n      info\n      timestamp\n    }\n  }\n":new Q(`
    subscription StationConnectorStatus($stationId: ID!) {
  connectorStatus(stationId: $stationId) {
    connectorId
    status
    errorCode
    info
    timestamp
  }
}
    `),"\n  subscription StationMeterValues($stationId: ID!) {\n    meterValues(stationId: $stationId) {\n      connectorId\n      transactionId\n      meterValues {\n        timestamp\n        transactionId\n        sampledValues {\n          measurand\n          phase\n          numericValue\n          unit\n        }\n      }\n    }\n  }\n":new Q(`
    subscription StationMeterValues($stationId: ID!) {
  meterValues(stationId: $stationId) {
    connectorId
    transactionId
    meterValues {
      timestamp
      transactionId
      sampledValues {
        measurand
        phase
        numericValue
        unit
      }
    }
  }
}
    `),"\n  subscription StationTransactionEvents($stationId: ID!) {\n    transactionEvents(stationId: $stationId) {\n      kind\n      transaction {\n        id\n        connectorId\n        idTag\n        startTime\n        meterStart\n        energyWh\n      }\n    }\n  }\n":new Q(`
    subscription StationTransactionEvents($stationId: ID!) {
  transactionEvents(stationId: $stationId) {
    kind
    transaction {
      id
      connectorId
      idTag
      startTime
      meterStart
      energyWh
    }
  }
}
    `),"\n  subscription StationEvents($stationId: ID!) {\n    stationEvents(stationId: $stationId) {\n      kind\n      at\n    }\n  }\n":new Q(`
    subscription StationEvents($stationId: ID!) {
  stationEvents(stationId: $stationId) {
    kind
    at
  }
}
    `),"\n  query StationMeterChart($id: ID!, $from: DateTime!) {\n    station(id: $id) {\n      id\n      energy: meterValues(last: 500, from: $from, measurand: ENERGY_ACTIVE_IMPORT_REGISTER) {\n        nodes {\n          connectorId\n          measurand\n          phase\n          numericValue\n          unit\n          timestamp\n        }\n      }\n      power: meterValues(last: 500, from: $from, measurand: POWER_ACTIVE_IMPORT) {\n        nodes {\n          connectorId\n          measurand\n          phase\n          numericValue\n          unit\n          timestamp\n        }\n      }\n    }\n  }\n":new Q(`
    query StationMeterChart($id: ID!, $from: DateTime!) {
  station(id: $id) {
    id
    energy: meterValues(
      last: 500
      from: $from
      measurand: ENERGY_ACTIVE_IMPORT_REGISTER
    ) {
      nodes {
        connectorId
        measurand
        phase
        numericValue
        unit
        timestamp
      }
    }
    power: meterValues(last: 500, from: $from, measurand: POWER_ACTIVE_IMPORT) {
      nodes {
        connectorId
        measurand
        phase
        numericValue
        unit
        timestamp
      }
    }
  }
}
    `),"\n  query StationMeterRollups($id: ID!, $from: DateTime!, $to: DateTime!, $every: RollupInterval!) {\n    meterRollups(stationId: $id, from: $from, to: $to, every: $every) {\n      connectorId\n      start\n      powerAvgW\n      lastRegisterWh {\n        value\n        at\n      }\n    }\n  }\n":new Q(`
    query StationMeterRollups($id: ID!, $from: DateTime!, $to: DateTime!, $every: RollupInterval!) {
  meterRollups(stationId: $id, from: $from, to: $to, every: $every) {
    connectorId
    start
    powerAvgW
    lastRegisterWh {
      value
      at
    }
  }
}
    `),"\n  query StationLocalList($stationId: ID!) {\n    localAuthList(stationId: $stationId) {\n      version\n      updatedAt\n      entries {\n        idTag\n        status\n        expiryDate\n        parentIdTag\n      }\n    }\n  }\n":new Q(`
    query StationLocalList($stationId: ID!) {
  localAuthList(stationId: $stationId) {
    version
    updatedAt
    entries {
      idTag
      status
      expiryDate
      parentIdTag
    }
  }
}
    `),"\n  mutation StationSendLocalList(\n    $stationId: ID!\n    $updateType: UpdateType!\n    $idTags: [String!]!\n    $removeIdTags: [String!]!\n    $listVersion: Int\n  ) {\n    sendLocalList(\n      stationId: $stationId\n      updateType: $updateType\n      idTags: $idTags\n      removeIdTags: $removeIdTags\n      listVersion: $listVersion\n    ) {\n      status\n      listVersion\n    }\n  }\n":new Q(`
    mutation StationSendLocalList($stationId: ID!, $updateType: UpdateType!, $idTags: [String!]!, $removeIdTags: [String!]!, $listVersion: Int) {
  sendLocalList(
    stationId: $stationId
    updateType: $updateType
    idTags: $idTags
    removeIdTags: $removeIdTags
    listVersion: $listVersion
  ) {
    status
    listVersion
  }
}
    `),"\n  mutation StationGetLocalListVersion($stationId: ID!) {\n    getLocalListVersion(stationId: $stationId) {\n      listVersion\n      storedVersion\n    }\n  }\n":new Q(`
    mutation StationGetLocalListVersion($stationId: ID!) {
  getLocalListVersion(stationId: $stationId) {
    listVersion
    storedVersion
  }
}
    `),"\n  query StationReservations($stationId: ID!, $includeEnded: Boolean!) {\n    reservations(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {\n      id\n      connectorId\n      idTag\n      parentIdTag\n      expiryDate\n      state\n      stationStatus\n      transactionId\n      createdAt\n      endedAt\n    }\n  }\n":new Q(`
    query StationReservations($stationId: ID!, $includeEnded: Boolean!) {
  reservations(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {
    id
    connectorId
    idTag
    parentIdTag
    expiryDate
    state
    stationStatus
    transactionId
    createdAt
    endedAt
  }
}
    `),"\n  mutation StationReserveNow(\n    $stationId: ID!\n    $connectorId: Int!\n    $idTag: String!\n    $expiryDate: DateTime!\n    $parentIdTag: String\n  ) {\n    reserveNow(\n      stationId: $stationId\n      connectorId: $connectorId\n      idTag: $idTag\n      expiryDate: $expiryDate\n      parentIdTag: $parentIdTag\n    ) {\n      status\n      reservation {\n        id\n      }\n    }\n  }\n":new Q(`
    mutation StationReserveNow($stationId: ID!, $connectorId: Int!, $idTag: String!, $expiryDate: DateTime!, $parentIdTag: String) {
  reserveNow(
    stationId: $stationId
    connectorId: $connectorId
    idTag: $idTag
    expiryDate: $expiryDate
    parentIdTag: $parentIdTag
  ) {
    status
    reservation {
      id
    }
  }
}
    `),"\n  mutation StationCancelReservation($reservationId: Int!) {\n    cancelReservation(reservationId: $reservationId) {\n      status\n    }\n  }\n":new Q(`
    mutation StationCancelReservation($reservationId: Int!) {
  cancelReservation(reservationId: $reservationId) {
    status
  }
}
    `),"\n  fragment ChargingScheduleFields on ChargingSchedule {\n    chargingRateUnit\n    duration\n    startSchedule\n    minChargingRate\n    chargingSchedulePeriod {\n      startPeriod\n      limit\n      numberPhases\n    }\n  }\n":Pt,"\n  query StationChargingProfiles($stationId: ID!, $includeEnded: Boolean!) {\n    chargingProfiles(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {\n      id\n      connectorId\n      state\n      installedAt\n      endedAt\n      profile {\n        chargingProfileId\n        chargingProfilePurpose\n        chargingProfileKind\n        recurrencyKind\n        stackLevel\n        transactionId\n        validFrom\n        validTo\n        chargingSchedule {\n          ...ChargingScheduleFields\n        }\n      }\n    }\n  }\n":new Q(`
    query StationChargingProfiles($stationId: ID!, $includeEnded: Boolean!) {
  chargingProfiles(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {
    id
    connectorId
    state
    installedAt
    endedAt
    profile {
      chargingProfileId
      chargingProfilePurpose
      chargingProfileKind
      recurrencyKind
      stackLevel
      transactionId
      validFrom
      validTo
      chargingSchedule {
        ...ChargingScheduleFields
      }
    }
  }
}
    fragment ChargingScheduleFields on ChargingSchedule {
  chargingRateUnit
  duration
  startSchedule
  minChargingRate
  chargingSchedulePeriod {
    startPeriod
    limit
    numberPhases
  }
}`),"\n  mutation StationSetChargingProfile($stationId: ID!, $connectorId: Int!, $profile: ChargingProfileInput!) {\n    setChargingProfile(stationId: $stationId, connectorId: $connectorId, profile: $profile) {\n      status\n    }\n  }\n":new Q(`
    mutation StationSetChargingProfile($stationId: ID!, $connectorId: Int!, $profile: ChargingProfileInput!) {
  setChargingProfile(
    stationId: $stationId
    connectorId: $connectorId
    profile: $profile
  ) {
    status
  }
}
    `),"\n  mutation StationClearChargingProfile(\n    $stationId: ID!\n    $id: Int\n    $connectorId: Int\n    $chargingProfilePurpose: ChargingProfilePurpose\n    $stackLevel: Int\n  ) {\n    clearChargingProfile(\n      stationId: $stationId\n      id: $id\n      connectorId: $connectorId\n      chargingProfilePurpose: $chargingProfilePurpose\n      stackLevel: $stackLevel\n    ) {\n      status\n    }\n  }\n":new Q(`
    mutation StationClearChargingProfile($stationId: ID!, $id: Int, $connectorId: Int, $chargingProfilePurpose: ChargingProfilePurpose, $stackLevel: Int) {
  clearChargingProfile(
    stationId: $stationId
    id: $id
    connectorId: $connectorId
    chargingProfilePurpose: $chargingProfilePurpose
    stackLevel: $stackLevel
  ) {
    status
  }
}
    `),"\n  mutation StationCompositeSchedule(\n    $stationId: ID!\n    $connectorId: Int!\n    $duration: Int!\n    $chargingRateUnit: ChargingRateUnit\n  ) {\n    getCompositeSchedule(\n      stationId: $stationId\n      connectorId: $connectorId\n      duration: $duration\n      chargingRateUnit: $chargingRateUnit\n    ) {\n      status\n      connectorId\n      scheduleStart\n      chargingSchedule {\n        ...ChargingScheduleFields\n      }\n    }\n  }\n":new Q(`
    mutation StationCompositeSchedule($stationId: ID!, $connectorId: Int!, $duration: Int!, $chargingRateUnit: ChargingRateUnit) {
  getCompositeSchedule(
    stationId: $stationId
    connectorId: $connectorId
    duration: $duration
    chargingRateUnit: $chargingRateUnit
  ) {
    status
    connectorId
    scheduleStart
    chargingSchedule {
      ...ChargingScheduleFields
    }
  }
}
    fragment ChargingScheduleFields on ChargingSchedule {
  chargingRateUnit
  duration
  startSchedule
  minChargingRate
  chargingSchedulePeriod {
    startPeriod
    limit
    numberPhases
  }
}`),"\n  query StationFirmwareUpdates($stationId: ID!) {\n    firmwareUpdates(stationId: $stationId, limit: 20) {\n      id\n      location\n      retrieveDate\n      retries\n      retryInterval\n      requestedAt\n      requestedBy\n    }\n    diagnosticsRequests(stationId: $stationId, limit: 20) {\n      id\n      location\n      requestedAt\n      requestedBy\n      startTime\n      stopTime\n      fileName\n      uploadedName\n      uploadedAt\n      uploadExpiresAt\n      size\n      downloadPath\n    }\n    statusNotifications(stationId: $stationId, limit: 20) {\n      at\n      kind\n      status\n    }\n  }\n":new Q(`
    query StationFirmwareUpdates($stationId: ID!) {
  firmwareUpdates(stationId: $stationId, limit: 20) {
    id
    location
    retrieveDate
    retries
    retryInterval
    requestedAt
    requestedBy
  }
  diagnosticsRequests(stationId: $stationId, limit: 20) {
    id
    location
    requestedAt
    requestedBy
    startTime
    stopTime
    fileName
    uploadedName
    uploadedAt
    uploadExpiresAt
    size
    downloadPath
  }
  statusNotifications(stationId: $stationId, limit: 20) {
    at
    kind
    status
  }
}
    `),"\n  mutation StationUpdateFirmware(\n    $stationId: ID!\n    $location: String!\n    $retrieveDate: DateTime!\n    $retries: Int\n    $retryInterval: Int\n  ) {\n    updateFirmware(\n      stationId: $stationId\n      location: $location\n      retrieveDate: $retrieveDate\n      retries: $retries\n      retryInterval: $retryInterval\n    ) {\n      id\n    }\n  }\n":new Q(`
    mutation StationUpdateFirmware($stationId: ID!, $location: String!, $retrieveDate: DateTime!, $retries: Int, $retryInterval: Int) {
  updateFirmware(
    stationId: $stationId
    location: $location
    retrieveDate: $retrieveDate
    retries: $retries
    retryInterval: $retryInterval
  ) {
    id
  }
}
    `),"\n  mutation StationGetDiagnostics(\n    $stationId: ID!\n    $location: String\n    $retries: Int\n    $retryInterval: Int\n    $startTime: DateTime\n    $stopTime: DateTime\n  ) {\n    getDiagnostics(\n      stationId: $stationId\n      location: $location\n      retries: $retries\n      retryInterval: $retryInterval\n      startTime: $startTime\n      stopTime: $stopTime\n    ) {\n      id\n      fileName\n    }\n  }\n":new Q(`
    mutation StationGetDiagnostics($stationId: ID!, $location: String, $retries: Int, $retryInterval: Int, $startTime: DateTime, $stopTime: DateTime) {
  getDiagnostics(
    stationId: $stationId
    location: $location
    retries: $retries
    retryInterval: $retryInterval
    startTime: $startTime
    stopTime: $stopTime
  ) {
    id
    fileName
  }
}
    `),"\n  mutation StationInstallCertificate($stationId: ID!, $certificateType: CertificateUse!, $certificate: String!) {\n    installCertificate(stationId: $stationId, certificateType: $certificateType, certificate: $certificate) {\n      status\n    }\n  }\n":new Q(`
    mutation StationInstallCertificate($stationId: ID!, $certificateType: CertificateUse!, $certificate: String!) {
  installCertificate(
    stationId: $stationId
    certificateType: $certificateType
    certificate: $certificate
  ) {
    status
  }
}
    `),"\n  mutation StationInstalledCertificates($stationId: ID!, $certificateType: CertificateUse!) {\n    getInstalledCertificateIds(stationId: $stationId, certificateType: $certificateType) {\n      status\n      certificateHashData {\n        hashAlgorithm\n        issuerNameHash\n        issuerKeyHash\n        serialNumber\n      }\n    }\n  }\n":new Q(`
    mutation StationInstalledCertificates($stationId: ID!, $certificateType: CertificateUse!) {
  getInstalledCertificateIds(
    stationId: $stationId
    certificateType: $certificateType
  ) {
    status
    certificateHashData {
      hashAlgorithm
      issuerNameHash
      issuerKeyHash
      serialNumber
    }
  }
}
    `),"\n  mutation StationDeleteCertificate($stationId: ID!, $certificateHashData: CertificateHashDataInput!) {\n    deleteCertificate(stationId: $stationId, certificateHashData: $certificateHashData) {\n      status\n    }\n  }\n":new Q(`
    mutation StationDeleteCertificate($stationId: ID!, $certificateHashData: CertificateHashDataInput!) {
  deleteCertificate(
    stationId: $stationId
    certificateHashData: $certificateHashData
  ) {
    status
  }
}
    `),"\n  mutation StationGetLog(\n    $stationId: ID!\n    $logType: LogType!\n    $remoteLocation: String!\n    $oldestTimestamp: DateTime\n    $latestTimestamp: DateTime\n    $retries: Int\n    $retryInterval: Int\n  ) {\n    getLog(\n      stationId: $stationId\n      logType: $logType\n      remoteLocation: $remoteLocation\n      oldestTimestamp: $oldestTimestamp\n      latestTimestamp: $latestTimestamp\n      retries: $retries\n      retryInterval: $retryInterval\n    ) {\n      status\n      requestId\n      filename\n    }\n  }\n":new Q(`
    mutation StationGetLog($stationId: ID!, $logType: LogType!, $remoteLocation: String!, $oldestTimestamp: DateTime, $latestTimestamp: DateTime, $retries: Int, $retryInterval: Int) {
  getLog(
    stationId: $stationId
    logType: $logType
    remoteLocation: $remoteLocation
    oldestTimestamp: $oldestTimestamp
    latestTimestamp: $latestTimestamp
    retries: $retries
    retryInterval: $retryInterval
  ) {
    status
    requestId
    filename
  }
}
    `),"\n  query StationSecurityRequests($stationId: ID!) {\n    logRequests(stationId: $stationId, first: 10) {\n      nodes {\n        id\n        requestId\n        logType\n        remoteLocation\n        requestedAt\n        requestedBy\n        status\n        error\n        filename\n        statusNotifications {\n          id\n          status\n          receivedAt\n        }\n      }\n    }\n    signedFirmwareUpdates(stationId: $stationId, first: 10) {\n      nodes {\n        id\n        requestId\n        location\n        requestedAt\n        requestedBy\n        status\n        error\n        statusNotifications {\n          id\n          status\n          receivedAt\n        }\n      }\n    }\n    certificateSigningRequests(stationId: $stationId, first: 10) {\n      nodes {\n        id\n        state\n        commonName\n        receivedAt\n        reason\n      }\n    }\n  }\n":new Q(`
    query StationSecurityRequests($stationId: ID!) {
  logRequests(stationId: $stationId, first: 10) {
    nodes {
      id
      requestId
      logType
      remoteLocation
      requestedAt
      requestedBy
      status
      error
      filename
      statusNotifications {
        id
        status
        receivedAt
      }
    }
  }
  signedFirmwareUpdates(stationId: $stationId, first: 10) {
    nodes {
      id
      requestId
      location
      requestedAt
      requestedBy
      status
      error
      statusNotifications {
        id
        status
        receivedAt
      }
    }
  }
  certificateSigningRequests(stationId: $stationId, first: 10) {
    nodes {
      id
      state
      commonName
      receivedAt
      reason
    }
  }
}
    `),"\n  mutation StationSignedUpdateFirmware(\n    $stationId: ID!\n    $firmware: FirmwareInput!\n    $retries: Int\n    $retryInterval: Int\n  ) {\n    signedUpdateFirmware(stationId: $stationId, firmware: $firmware, retries: $retries, retryInterval: $retryInterval) {\n      status\n      requestId\n    }\n  }\n":new Q(`
    mutation StationSignedUpdateFirmware($stationId: ID!, $firmware: FirmwareInput!, $retries: Int, $retryInterval: Int) {
  signedUpdateFirmware(
    stationId: $stationId
    firmware: $firmware
    retries: $retries
    retryInterval: $retryInterval
  ) {
    status
    requestId
  }
}
    `),"\n  mutation StationCertificateSigned($stationId: ID!, $certificateChain: String!, $requestId: Int) {\n    certificateSigned(stationId: $stationId, certificateChain: $certificateChain, requestId: $requestId) {\n      status\n    }\n  }\n":new Q(`
    mutation StationCertificateSigned($stationId: ID!, $certificateChain: String!, $requestId: Int) {
  certificateSigned(
    stationId: $stationId
    certificateChain: $certificateChain
    requestId: $requestId
  ) {
    status
  }
}
    `),"\n  mutation StationSetSecurityProfile($stationId: ID!, $profile: Int!) {\n    setStationSecurityProfile(stationId: $stationId, profile: $profile) {\n      id\n      securityProfile\n    }\n  }\n":new Q(`
    mutation StationSetSecurityProfile($stationId: ID!, $profile: Int!) {
  setStationSecurityProfile(stationId: $stationId, profile: $profile) {
    id
    securityProfile
  }
}
    `),"\n  mutation StationSetAuthorizationKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {\n    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {\n      status\n      station {\n        id\n        hasAuthorizationKey\n      }\n    }\n  }\n":new Q(`
    mutation StationSetAuthorizationKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
  setStationAuthorizationKey(
    stationId: $stationId
    key: $key
    sendToStation: $sendToStation
  ) {
    status
    station {
      id
      hasAuthorizationKey
    }
  }
}
    `),"\n  mutation StationApprove($id: ID!) {\n    approveStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Q(`
    mutation StationApprove($id: ID!) {
  approveStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  mutation StationReject($id: ID!) {\n    rejectStation(id: $id) {\n      id\n      registrationStatus\n    }\n  }\n":new Q(`
    mutation StationReject($id: ID!) {
  rejectStation(id: $id) {
    id
    registrationStatus
  }
}
    `),"\n  mutation StationRemoteStart($stationId: ID!, $idTag: String!, $connectorId: Int) {\n    remoteStartTransaction(stationId: $stationId, idTag: $idTag, connectorId: $connectorId) {\n      status\n    }\n  }\n":new Q(`
    mutation StationRemoteStart($stationId: ID!, $idTag: String!, $connectorId: Int) {
  remoteStartTransaction(
    stationId: $stationId
    idTag: $idTag
    connectorId: $connectorId
  ) {
    status
  }
}
    `),"\n  mutation StationRemoteStop($stationId: ID!, $transactionId: Int!) {\n    remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {\n      status\n    }\n  }\n":new Q(`
    mutation StationRemoteStop($stationId: ID!, $transactionId: Int!) {
  remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {
    status
  }
}
    `),"\n  mutation StationReset($stationId: ID!, $type: ResetType!) {\n    reset(stationId: $stationId, type: $type) {\n      status\n    }\n  }\n":new Q(`
    mutation StationReset($stationId: ID!, $type: ResetType!) {
  reset(stationId: $stationId, type: $type) {
    status
  }
}
    `),"\n  mutation StationUnlock($stationId: ID!, $connectorId: Int!) {\n    unlockConnector(stationId: $stationId, connectorId: $connectorId) {\n      status\n    }\n  }\n":new Q(`
    mutation StationUnlock($stationId: ID!, $connectorId: Int!) {
  unlockConnector(stationId: $stationId, connectorId: $connectorId) {
    status
  }
}
    `),"\n  mutation StationChangeAvailability($stationId: ID!, $connectorId: Int!, $type: AvailabilityType!) {\n    changeAvailability(stationId: $stationId, connectorId: $connectorId, type: $type) {\n      status\n    }\n  }\n":new Q(`
    mutation StationChangeAvailability($stationId: ID!, $connectorId: Int!, $type: AvailabilityType!) {
  changeAvailability(
    stationId: $stationId
    connectorId: $connectorId
    type: $type
  ) {
    status
  }
}
    `),"\n  mutation StationClearCache($stationId: ID!) {\n    clearCache(stationId: $stationId) {\n      status\n    }\n  }\n":new Q(`
    mutation StationClearCache($stationId: ID!) {
  clearCache(stationId: $stationId) {
    status
  }
}
    `),"\n  mutation StationTrigger($stationId: ID!, $requestedMessage: MessageTrigger!, $connectorId: Int) {\n    triggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {\n      status\n    }\n  }\n":new Q(`
    mutation StationTrigger($stationId: ID!, $requestedMessage: MessageTrigger!, $connectorId: Int) {
  triggerMessage(
    stationId: $stationId
    requestedMessage: $requestedMessage
    connectorId: $connectorId
  ) {
    status
  }
}
    `),"\n  mutation StationExtendedTrigger($stationId: ID!, $requestedMessage: ExtendedMessageTrigger!, $connectorId: Int) {\n    extendedTriggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {\n      status\n    }\n  }\n":new Q(`
    mutation StationExtendedTrigger($stationId: ID!, $requestedMessage: ExtendedMessageTrigger!, $connectorId: Int) {
  extendedTriggerMessage(
    stationId: $stationId
    requestedMessage: $requestedMessage
    connectorId: $connectorId
  ) {
    status
  }
}
    `),"\n  mutation StationDataTransfer($stationId: ID!, $vendorId: String!, $messageId: String, $data: String) {\n    dataTransfer(stationId: $stationId, vendorId: $vendorId, messageId: $messageId, data: $data) {\n      status\n      data\n    }\n  }\n":new Q(`
    mutation StationDataTransfer($stationId: ID!, $vendorId: String!, $messageId: String, $data: String) {
  dataTransfer(
    stationId: $stationId
    vendorId: $vendorId
    messageId: $messageId
    data: $data
  ) {
    status
    data
  }
}
    `),"\n  mutation StationGetConfiguration($stationId: ID!, $keys: [String!]) {\n    getConfiguration(stationId: $stationId, keys: $keys) {\n      configurationKey {\n        key\n        value\n        readonly\n      }\n      unknownKey\n    }\n  }\n":new Q(`
    mutation StationGetConfiguration($stationId: ID!, $keys: [String!]) {
  getConfiguration(stationId: $stationId, keys: $keys) {
    configurationKey {
      key
      value
      readonly
    }
    unknownKey
  }
}
    `),"\n  mutation StationChangeConfiguration($stationId: ID!, $key: String!, $value: String!) {\n    changeConfiguration(stationId: $stationId, key: $key, value: $value) {\n      status\n    }\n  }\n":new Q(`
    mutation StationChangeConfiguration($stationId: ID!, $key: String!, $value: String!) {
  changeConfiguration(stationId: $stationId, key: $key, value: $value) {
    status
  }
}
    `),"\n  query StationDeviceModel($id: ID!, $component: String, $after: String) {\n    station(id: $id) {\n      deviceModel(component: $component, first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          component\n          componentInstance\n          evseId\n          connectorId\n          variable\n          variableInstance\n          attributeType\n          value\n          mutability\n          unit\n        }\n      }\n    }\n  }\n":new Q(`
    query StationDeviceModel($id: ID!, $component: String, $after: String) {
  station(id: $id) {
    deviceModel(component: $component, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        component
        componentInstance
        evseId
        connectorId
        variable
        variableInstance
        attributeType
        value
        mutability
        unit
      }
    }
  }
}
    `),"\n  mutation StationFullReport($stationId: ID!) {\n    getBaseReport(stationId: $stationId, reportBase: FULL_INVENTORY) {\n      status\n      requestId\n    }\n  }\n":new Q(`
    mutation StationFullReport($stationId: ID!) {
  getBaseReport(stationId: $stationId, reportBase: FULL_INVENTORY) {
    status
    requestId
  }
}
    `),"\n  query StationJournal(\n    $stationId: ID!\n    $action: String\n    $direction: Direction\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    ocppMessages(\n      stationId: $stationId\n      action: $action\n      direction: $direction\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        direction\n        messageType\n        action\n        messageId\n        payload\n        size\n        truncated\n        sha256\n      }\n    }\n  }\n":new Q(`
    query StationJournal($stationId: ID!, $action: String, $direction: Direction, $first: Int, $after: String, $last: Int, $before: String) {
  ocppMessages(
    stationId: $stationId
    action: $action
    direction: $direction
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      createdAt
      direction
      messageType
      action
      messageId
      payload
      size
      truncated
      sha256
    }
  }
}
    `),"\n  query StationStickers($id: ID!) {\n    station(id: $id) {\n      id\n      displayName\n      connectors {\n        connectorId\n      }\n    }\n  }\n":new Q(`
    query StationStickers($id: ID!) {
  station(id: $id) {
    id
    displayName
    connectors {
      connectorId
    }
  }
}
    `),"\n  query StationsPage(\n    $first: Int\n    $last: Int\n    $after: String\n    $before: String\n    $search: String\n    $connected: Boolean\n    $registrationStatus: RegistrationStatus\n    $connectorStatus: ChargePointStatus\n    $site: String\n    $orderBy: StationOrder!\n    $descending: Boolean!\n  ) {\n    stations(\n      first: $first\n      last: $last\n      after: $after\n      before: $before\n      search: $search\n      connected: $connected\n      registrationStatus: $registrationStatus\n      connectorStatus: $connectorStatus\n      site: $site\n      orderBy: $orderBy\n      descending: $descending\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        displayName\n        site\n        connected\n        registrationStatus\n        vendor\n        model\n        firmwareVersion\n        ocppVersion\n        lastSeenAt\n        connectors {\n          connectorId\n          status\n          errorCode\n        }\n      }\n    }\n  }\n":new Q(`
    query StationsPage($first: Int, $last: Int, $after: String, $before: String, $search: String, $connected: Boolean, $registrationStatus: RegistrationStatus, $connectorStatus: ChargePointStatus, $site: String, $orderBy: StationOrder!, $descending: Boolean!) {
  stations(
    first: $first
    last: $last
    after: $after
    before: $before
    search: $search
    connected: $connected
    registrationStatus: $registrationStatus
    connectorStatus: $connectorStatus
    site: $site
    orderBy: $orderBy
    descending: $descending
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      displayName
      site
      connected
      registrationStatus
      vendor
      model
      firmwareVersion
      ocppVersion
      lastSeenAt
      connectors {
        connectorId
        status
        errorCode
      }
    }
  }
}
    `),"\n  query StationsSites {\n    sites {\n      name\n      stations\n    }\n  }\n":new Q(`
    query StationsSites {
  sites {
    name
    stations
  }
}
    `),"\n  subscription StationsFleetChanged {\n    fleetSummary(everySeconds: 10) {\n      at\n      online\n      offline\n      pending\n      rejected\n      activeTransactions\n      connectors {\n        status\n        count\n      }\n    }\n  }\n":new Q(`
    subscription StationsFleetChanged {
  fleetSummary(everySeconds: 10) {
    at
    online
    offline
    pending
    rejected
    activeTransactions
    connectors {
      status
      count
    }
  }
}
    `),"\n  query TagsList(\n    $first: Int\n    $last: Int\n    $after: String\n    $before: String\n    $search: String\n    $status: AuthorizationStatus\n    $owner: String\n    $autoCreated: Boolean\n  ) {\n    idTags(\n      first: $first\n      last: $last\n      after: $after\n      before: $before\n      search: $search\n      status: $status\n      owner: $owner\n      autoCreated: $autoCreated\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        idTag\n        status\n        effectiveStatus\n        expiryDate\n        parentIdTag\n        owner\n        autoCreated\n        createdAt\n        updatedAt\n        budget {\n          limitWh\n          period\n          periodStart\n          periodEnd\n          usedWh\n          remainingWh\n          exhausted\n        }\n      }\n    }\n  }\n":new Q(`
    query TagsList($first: Int, $last: Int, $after: String, $before: String, $search: String, $status: AuthorizationStatus, $owner: String, $autoCreated: Boolean) {
  idTags(
    first: $first
    last: $last
    after: $after
    before: $before
    search: $search
    status: $status
    owner: $owner
    autoCreated: $autoCreated
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      idTag
      status
      effectiveStatus
      expiryDate
      parentIdTag
      owner
      autoCreated
      createdAt
      updatedAt
      budget {
        limitWh
        period
        periodStart
        periodEnd
        usedWh
        remainingWh
        exhausted
      }
    }
  }
}
    `),"\n  query TagsUnknown {\n    idTags(autoCreated: true, status: INVALID, first: 20) {\n      totalCount\n      nodes {\n        idTag\n        createdAt\n        updatedAt\n      }\n    }\n  }\n":new Q(`
    query TagsUnknown {
  idTags(autoCreated: true, status: INVALID, first: 20) {
    totalCount
    nodes {
      idTag
      createdAt
      updatedAt
    }
  }
}
    `),"\n  mutation TagsCreate($input: CreateIdTagInput!) {\n    createIdTag(input: $input) {\n      idTag\n    }\n  }\n":new Q(`
    mutation TagsCreate($input: CreateIdTagInput!) {
  createIdTag(input: $input) {
    idTag
  }
}
    `),"\n  mutation TagsUpdate($idTag: String!, $input: UpdateIdTagInput!) {\n    updateIdTag(idTag: $idTag, input: $input) {\n      idTag\n      status\n    }\n  }\n":new Q(`
    mutation TagsUpdate($idTag: String!, $input: UpdateIdTagInput!) {
  updateIdTag(idTag: $idTag, input: $input) {
    idTag
    status
  }
}
    `),"\n  mutation TagsDelete($idTag: String!) {\n    deleteIdTag(idTag: $idTag)\n  }\n":new Q(`
    mutation TagsDelete($idTag: String!) {
  deleteIdTag(idTag: $idTag)
}
    `),"\n  mutation TagsSetBudget($idTag: String!, $budget: EnergyBudgetInput) {\n    setIdTagBudget(idTag: $idTag, budget: $budget) {\n      idTag\n    }\n  }\n":new Q(`
    mutation TagsSetBudget($idTag: String!, $budget: EnergyBudgetInput) {
  setIdTagBudget(idTag: $idTag, budget: $budget) {
    idTag
  }
}
    `),"\n  query TxList(\n    $first: Int\n    $last: Int\n    $after: String\n    $before: String\n    $stationId: ID\n    $idTag: String\n    $from: DateTime\n    $to: DateTime\n    $active: Boolean\n  ) {\n    transactions(\n      first: $first\n      last: $last\n      after: $after\n      before: $before\n      stationId: $stationId\n      idTag: $idTag\n      from: $from\n      to: $to\n      active: $active\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        stationId\n        connectorId\n        idTag\n        startTime\n        stopTime\n        durationSeconds\n        energyWh\n        stopReason\n        flags\n        active\n      }\n    }\n  }\n":new Q(`
    query TxList($first: Int, $last: Int, $after: String, $before: String, $stationId: ID, $idTag: String, $from: DateTime, $to: DateTime, $active: Boolean) {
  transactions(
    first: $first
    last: $last
    after: $after
    before: $before
    stationId: $stationId
    idTag: $idTag
    from: $from
    to: $to
    active: $active
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      id
      stationId
      connectorId
      idTag
      startTime
      stopTime
      durationSeconds
      energyWh
      stopReason
      flags
      active
    }
  }
}
    `),"\n  query TxDetail($id: Int!) {\n    transaction(id: $id) {\n      id\n      stationId\n      connectorId\n      idTag\n      idTagStatus\n      stopIdTag\n      startTime\n      startedReceivedAt\n      stopTime\n      stoppedReceivedAt\n      durationSeconds\n      energyWh\n      meterStart\n      meterStop\n      stopReason\n      flags\n      active\n      needsReconciliation\n      reservationId\n    }\n  }\n":new Q(`
    query TxDetail($id: Int!) {
  transaction(id: $id) {
    id
    stationId
    connectorId
    idTag
    idTagStatus
    stopIdTag
    startTime
    startedReceivedAt
    stopTime
    stoppedReceivedAt
    durationSeconds
    energyWh
    meterStart
    meterStop
    stopReason
    flags
    active
    needsReconciliation
    reservationId
  }
}
    `),"\n  query TxSamples($id: Int!) {\n    transaction(id: $id) {\n      id\n      energy: meterValues(measurand: ENERGY_ACTIVE_IMPORT_REGISTER, last: 1000) {\n        nodes {\n          timestamp\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n      power: meterValues(measurand: POWER_ACTIVE_IMPORT, last: 1000) {\n        nodes {\n          timestamp\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n    }\n  }\n":new Q(`
    query TxSamples($id: Int!) {
  transaction(id: $id) {
    id
    energy: meterValues(measurand: ENERGY_ACTIVE_IMPORT_REGISTER, last: 1000) {
      nodes {
        timestamp
        measurand
        phase
        unit
        numericValue
      }
    }
    power: meterValues(measurand: POWER_ACTIVE_IMPORT, last: 1000) {
      nodes {
        timestamp
        measurand
        phase
        unit
        numericValue
      }
    }
  }
}
    `),"\n  subscription TxMeterValues($transactionId: Int!) {\n    meterValues(transactionId: $transactionId) {\n      transactionId\n      meterValues {\n        timestamp\n        sampledValues {\n          measurand\n          phase\n          unit\n          numericValue\n        }\n      }\n    }\n  }\n":new Q(`
    subscription TxMeterValues($transactionId: Int!) {
  meterValues(transactionId: $transactionId) {
    transactionId
    meterValues {
      timestamp
      sampledValues {
        measurand
        phase
        unit
        numericValue
      }
    }
  }
}
    `),"\n  subscription TxEvents($stationId: ID!) {\n    transactionEvents(stationId: $stationId) {\n      kind\n      transaction {\n        id\n      }\n    }\n  }\n":new Q(`
    subscription TxEvents($stationId: ID!) {
  transactionEvents(stationId: $stationId) {
    kind
    transaction {
      id
    }
  }
}
    `),"\n  query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: UsagePeriod!, $stationId: ID, $idTag: String) {\n    usage(from: $from, to: $to, groupBy: $groupBy, stationId: $stationId, idTag: $idTag) {\n      from\n      to\n      totals {\n        energyKwh\n        sessions\n        chargingSeconds\n        connectorUtilisation\n      }\n      periods {\n        start\n        end\n        totals {\n          energyKwh\n          sessions\n          chargingSeconds\n          connectorUtilisation\n        }\n        byStation {\n          stationId\n          figures {\n            energyKwh\n            sessions\n            chargingSeconds\n            connectorUtilisation\n          }\n        }\n        byIdTag {\n          idTag\n          figures {\n            energyKwh\n            sessions\n            chargingSeconds\n          }\n        }\n      }\n    }\n  }\n":new Q(`
    query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: UsagePeriod!, $stationId: ID, $idTag: String) {
  usage(
    from: $from
    to: $to
    groupBy: $groupBy
    stationId: $stationId
    idTag: $idTag
  ) {
    from
    to
    totals {
      energyKwh
      sessions
      chargingSeconds
      connectorUtilisation
    }
    periods {
      start
      end
      totals {
        energyKwh
        sessions
        chargingSeconds
        connectorUtilisation
      }
      byStation {
        stationId
        figures {
          energyKwh
          sessions
          chargingSeconds
          connectorUtilisation
        }
      }
      byIdTag {
        idTag
        figures {
          energyKwh
          sessions
          chargingSeconds
        }
      }
    }
  }
}
    `)};function It(e){return Ft[e]??{}}var Lt=`chargegate.session`;function Rt(){try{let e=localStorage.getItem(Lt);if(!e)return null;let t=JSON.parse(e);return t.expiresAt&&Date.parse(t.expiresAt)<=Date.now()?null:t}catch{return null}}var $=q(Rt()),zt=q(null);function Bt(e){localStorage.setItem(Lt,JSON.stringify(e)),zt.value=null,$.value=e}function Vt(e=null){localStorage.removeItem(Lt),zt.value=e,$.value=null}var Ht=Y(()=>$.value?.role??null),Ut=Y(()=>Ht.value!==null&&Ht.value!==`DRIVER`),Wt=Y(()=>Ht.value===`ADMIN`||Ht.value===`OPERATOR`),Gt=Y(()=>Ht.value===`ADMIN`),Kt=class extends Error{code;constructor(e,t){super(e),this.code=t}};function qt(e){let t=e.errors?.[0];return t?new Kt(t.message,String(t.extensions?.code??`ERROR`)):null}async function Jt(e,...[t,n]){let r={"content-type":`application/json`},i=$.value?.token;i&&(r.authorization=`Bearer ${i}`);let a;try{a=await fetch(`/graphql`,{method:`POST`,headers:r,body:JSON.stringify({query:e.toString(),variables:t??{}})})}catch(e){throw new Kt(String(e),`NETWORK`)}let o;try{o=await a.json()}catch{throw new Kt(`HTTP ${a.status}`,a.status>=500?`NETWORK`:`ERROR`)}let s=qt(o);if(s)throw s.code===`UNAUTHENTICATED`&&i&&!n?.keepSession&&Vt(`expired`),s;return o.data}var Yt=q(`closed`),Xt=null,Zt;function Qt(){let t=$.value?.token;if(Xt&&Zt===t)return Xt;Xt?.dispose(),Zt=t;let n=`${location.protocol===`https:`?`wss`:`ws`}://${location.host}/graphql/ws`;return Xt=e({url:n,connectionParams:t?{Authorization:`Bearer ${t}`}:{},lazy:!0,lazyCloseTimeout:3e3,keepAlive:2e4,retryAttempts:1/0,shouldRetry:()=>!0,on:{connecting:()=>Yt.value=`connecting`,connected:()=>Yt.value=`connected`,closed:()=>Yt.value=`closed`},retryWait:async e=>{await new Promise(t=>setTimeout(t,Math.min(1e3*2**e,15e3)))}}),Xt}function $t(e,t,n){let r=!1,i=null,a,o,s=0,c=()=>{r||(clearTimeout(o),n.settle!==void 0&&(o=setTimeout(()=>n.resync?.(),n.settle)),i=Qt().subscribe({query:e.toString(),variables:t},{next:e=>{s=0,e.data&&n.next(e.data),qt(e)&&l()},error:()=>l(),complete:()=>l()}))},l=()=>{i?.(),i=null,r||(clearTimeout(a),a=setTimeout(()=>{n.resync?.(),c()},Math.min(500*2**s++,1e4)))},u=()=>{r||document.visibilityState!==`visible`||(i?.(),clearTimeout(a),n.resync?.(),c())};return c(),document.addEventListener(`visibilitychange`,u),window.addEventListener(`online`,u),()=>{r=!0,clearTimeout(a),clearTimeout(o),i?.(),document.removeEventListener(`visibilitychange`,u),window.removeEventListener(`online`,u)}}var en=Symbol.for(`pv`),tn=0;Array.isArray;function nn(e,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l&&typeof e!=`function`)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:e,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:en,__v:--tn,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),t.vnode&&t.vnode(u),u}export{w as A,De as C,ke as D,B as E,S as M,r as N,Te as O,Qe as S,je as T,et as _,Jt as a,Ge as b,Gt as c,Bt as d,Vt as f,nt as g,q as h,Yt as i,fe as j,V as k,Ut as l,Y as m,Kt as n,Wt as o,It as p,$t as r,zt as s,nn as t,$ as u,Ue as v,Oe as w,Ze as x,Xe as y};